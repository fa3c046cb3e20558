package org.sitekeeper.core.internal.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.egress.EgressDeniedException;
import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EgressPolicyImplTest {

    /** Answers from a fixed table and remembers what it was asked; unknown names do not resolve. */
    private static final class FakeResolver implements EgressPolicyImpl.Resolver {
        private final Map<String, InetAddress[]> table = new HashMap<>();
        private final List<String> asked = new ArrayList<>();

        FakeResolver answer(String host, String... literals) throws UnknownHostException {
            InetAddress[] addresses = new InetAddress[literals.length];
            for (int i = 0; i < literals.length; i++) {
                addresses[i] = InetAddress.getByAddress(
                        host, InetAddress.getByName(literals[i]).getAddress());
            }
            table.put(host, addresses);
            return this;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            asked.add(host);
            InetAddress[] addresses = table.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses;
        }
    }

    private final FakeResolver dns = new FakeResolver();

    private EgressPolicyImpl policy(EgressConfig config) {
        return new EgressPolicyImpl(config, dns);
    }

    @Test
    void resolvesAPublicHostToAllItsAddresses() throws Exception {
        dns.answer("shop.example.com", "93.184.216.34", "2606:2800:220:1::1");

        List<InetAddress> addresses = policy(EgressConfig.defaults()).resolve("shop.example.com");

        assertThat(addresses)
                .extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34", "2606:2800:220:1:0:0:0:1");
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsPrivate() throws Exception {
        dns.answer("rebind.example.com", "93.184.216.34", "10.0.0.5");

        assertThatThrownBy(() -> policy(EgressConfig.defaults()).resolve("rebind.example.com"))
                .isInstanceOfSatisfying(EgressDeniedException.class, e -> {
                    assertThat(e.target()).isEqualTo("10.0.0.5");
                    assertThat(e.reason()).isEqualTo("a private network");
                });
    }

    @Test
    void unresolvableHostIsReportedAsUnknown() {
        assertThatThrownBy(() -> policy(EgressConfig.defaults()).resolve("nowhere.invalid"))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void literalAddressesAreJudgedWithoutAsking() throws Exception {
        EgressPolicyImpl policy = policy(EgressConfig.defaults());

        assertThat(policy.resolve("93.184.216.34"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.216.34");
        assertThatThrownBy(() -> policy.resolve("169.254.169.254")).isInstanceOf(EgressDeniedException.class);
        assertThatThrownBy(() -> policy.resolve("::1")).isInstanceOf(EgressDeniedException.class);
        assertThat(dns.asked).isEmpty();
    }

    @Test
    void bracketedIpv6IsAccepted() throws Exception {
        EgressPolicyImpl policy = policy(EgressConfig.defaults());

        assertThat(policy.resolve("[2606:4700::1111]")).hasSize(1);
        assertThatThrownBy(() -> policy.resolve("[::1]"))
                .isInstanceOfSatisfying(
                        EgressDeniedException.class, e -> assertThat(e.reason()).isEqualTo("a loopback address"));
        assertThatThrownBy(() -> policy.resolve("[::ffff:127.0.0.1]")).isInstanceOf(EgressDeniedException.class);
        assertThat(dns.asked).isEmpty();
    }

    @Test
    void checkUserUrlAcceptsAPublicUrl() throws Exception {
        dns.answer("shop.example.com", "93.184.216.34");

        URI uri = policy(EgressConfig.defaults()).checkUserUrl("url", "  https://shop.example.com/wp-admin  ");

        assertThat(uri).isEqualTo(URI.create("https://shop.example.com/wp-admin"));
    }

    @Test
    void checkUserUrlRefusesNumericHostsThatResolversReadDifferently() {
        EgressPolicyImpl policy = policy(EgressConfig.defaults());
        // Java reads 0177.0.0.1 as 177.0.0.1 (public), curl as 127.0.0.1: whatever it means, it is refused
        for (String url : List.of("http://0177.0.0.1/", "http://010.0.0.1/", "http://93.184.216.034/")) {
            assertThatThrownBy(() -> policy.checkUserUrl("url", url))
                    .as(url)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                            .isEqualTo("url"))
                    .hasMessageContaining("non-standard form");
        }
        assertThat(policy.checkUserUrl("url", "http://93.184.216.34/").getHost())
                .isEqualTo("93.184.216.34");
        assertThat(EgressPolicyImpl.isAmbiguousNumericHost("1.2.3")).isTrue();
        assertThat(EgressPolicyImpl.isAmbiguousNumericHost("2130706433")).isFalse(); // judged by its address
        assertThat(EgressPolicyImpl.isAmbiguousNumericHost("shop.example.com")).isFalse();
        assertThat(EgressPolicyImpl.isAmbiguousNumericHost("10.0.0.1")).isFalse();
        assertThat(dns.asked).isEmpty();
    }

    @Test
    void checkUserUrlAcceptsAHostThatDoesNotResolveYet() {
        URI uri = policy(EgressConfig.defaults()).checkUserUrl("url", "https://new-site.example.org/");

        assertThat(uri.getHost()).isEqualTo("new-site.example.org");
        assertThat(dns.asked).containsExactly("new-site.example.org");
    }

    @Test
    void checkUserUrlRefusesAPrivateTargetNamingFieldReasonAndSetting() throws Exception {
        dns.answer("intranet.example.com", "93.184.216.34", "192.168.1.10");

        assertThatThrownBy(() ->
                        policy(EgressConfig.defaults()).checkUserUrl("webhook_url", "http://intranet.example.com/"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("webhook_url");
                    assertThat(e.code()).isEqualTo(InvalidInputException.INVALID_VALUE);
                })
                .hasMessageStartingWith("webhook_url points to a private network (192.168.1.10)")
                .hasMessageContaining("allowed_networks")
                .hasMessageContaining(EgressPolicy.PID);
    }

    @Test
    void checkUserUrlRefusesLiteralMetadataAddress() {
        assertThatThrownBy(() -> policy(EgressConfig.defaults()).checkUserUrl("url", "http://169.254.169.254/latest/"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cloud metadata");
    }

    @Test
    void checkUserUrlRefusesBracketedLoopback() {
        assertThatThrownBy(() -> policy(EgressConfig.defaults()).checkUserUrl("url", "http://[::1]:8080/"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("a loopback address");
    }

    @Test
    void checkUserUrlJudgesNumericHostsByAddressWithTheRealResolver() {
        EgressPolicyImpl policy = new EgressPolicyImpl(EgressConfig.defaults());

        assertThatThrownBy(() -> policy.checkUserUrl("url", "http://2130706433/"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void checkUserUrlRefusesMissingUrl() {
        EgressPolicyImpl policy = policy(EgressConfig.defaults());

        for (String url : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> policy.checkUserUrl("url", url))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("url");
                        assertThat(e.code()).isEqualTo(InvalidInputException.MISSING_FIELD);
                    });
        }
    }

    @Test
    void checkUserUrlRefusesMalformedUrl() {
        assertThatThrownBy(() -> policy(EgressConfig.defaults()).checkUserUrl("site_url", "http://exa mple.com/"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("site_url"))
                .hasMessageStartingWith("site_url is not a valid URL");
    }

    @Test
    void checkUserUrlRefusesOtherSchemes() {
        EgressPolicyImpl policy = policy(EgressConfig.defaults());

        for (String url :
                new String[] {"ftp://example.com/", "file:///etc/passwd", "gopher://example.com", "example.com"}) {
            assertThatThrownBy(() -> policy.checkUserUrl("url", url))
                    .as(url)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                            .isEqualTo("url"))
                    .hasMessageStartingWith("url must use one of the schemes")
                    .hasMessageContaining("http")
                    .hasMessageContaining("https");
        }
        assertThat(dns.asked).isEmpty();
    }

    @Test
    void checkUserUrlRefusesUrlWithoutHost() {
        assertThatThrownBy(() -> policy(EgressConfig.defaults()).checkUserUrl("url", "http:///path"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("url"))
                .hasMessage("url must have a host name");
    }

    @Test
    void allowedNetworksLetLocalSitesThrough() throws Exception {
        dns.answer("staging.lan", "10.20.0.7");
        EgressPolicyImpl policy = policy(EgressConfig.allowing("127.0.0.0/8, 10.20.0.0/16"));

        assertThat(policy.checkUserUrl("url", "http://127.0.0.1:8080/")).isNotNull();
        assertThat(policy.checkUserUrl("url", "http://staging.lan/")).isNotNull();
        assertThat(policy.denialReason(InetAddress.getByName("10.21.0.1"))).contains("a private network");
    }

    @Test
    void configuredSchemesAndDeniedNetworksApply() throws Exception {
        EgressPolicyImpl policy = policy(new EgressConfig("", "8.8.8.0/24", "https, smtp"));

        assertThat(policy.allowsScheme("smtp")).isTrue();
        assertThat(policy.allowsScheme("http")).isFalse();
        assertThat(policy.denialReason(InetAddress.getByName("8.8.8.8"))).contains("denied network 8.8.8.0/24");
        assertThat(policy.denialReason(InetAddress.getByName("8.8.4.4"))).isEmpty();
    }

    @Test
    void networksMayBeWrittenInTheirIpv4MappedForm() throws Exception {
        EgressPolicyImpl policy = policy(new EgressConfig("::ffff:127.0.0.1", "::ffff:8.8.8.0/120", "http"));

        assertThat(policy.resolve("127.0.0.1")).hasSize(1);
        assertThat(policy.denialReason(InetAddress.getByName("8.8.8.8"))).contains("denied network ::ffff:8.8.8.0/120");
    }

    @Test
    void modifiedConfigurationAppliesAtOnce() throws Exception {
        EgressPolicyImpl policy = policy(EgressConfig.defaults());
        assertThatThrownBy(() -> policy.resolve("127.0.0.1")).isInstanceOf(EgressDeniedException.class);

        policy.modified(EgressConfig.allowing("127.0.0.1"));

        assertThat(policy.resolve("127.0.0.1")).hasSize(1);
        assertThatThrownBy(() -> policy.resolve("127.0.0.2")).isInstanceOf(EgressDeniedException.class);
    }

    @Test
    void badModifiedConfigurationKeepsTheRulesInForce() throws Exception {
        EgressPolicyImpl policy = policy(EgressConfig.allowing("127.0.0.1"));

        assertThatIllegalArgumentException().isThrownBy(() -> policy.modified(EgressConfig.allowing("localhost")));

        assertThat(policy.resolve("127.0.0.1")).hasSize(1);
    }

    @Test
    void badConfigurationFailsActivation() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> policy(new EgressConfig("10.0.0.0/8, intranet", "", "http")))
                .withMessageContaining("intranet");
    }
}
