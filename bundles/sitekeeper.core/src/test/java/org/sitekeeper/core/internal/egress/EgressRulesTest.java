package org.sitekeeper.core.internal.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EgressRulesTest {

    private static final EgressRules DEFAULTS = new EgressRules(Set.of("http", "https"), List.of(), List.of());

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    /** An IPv6 address exactly as given, even an IPv4-mapped one (which {@link InetAddress} would turn to IPv4). */
    private static InetAddress ipv6(String literal) throws UnknownHostException {
        byte[] bytes = new byte[16];
        byte[] parsed = ip(literal).getAddress();
        if (parsed.length == 4) { // ::ffff:a.b.c.d came back as a.b.c.d
            bytes[10] = (byte) 0xFF;
            bytes[11] = (byte) 0xFF;
            System.arraycopy(parsed, 0, bytes, 12, 4);
        } else {
            bytes = parsed;
        }
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, an unspecified address",
        "10.0.0.1, a private network",
        "100.64.0.1, a carrier-grade NAT network",
        "127.0.0.1, a loopback address",
        "127.255.255.254, a loopback address",
        "169.254.169.254, a link-local address (cloud metadata)",
        "172.16.0.1, a private network",
        "172.31.255.255, a private network",
        "192.0.0.8, an IETF protocol address",
        "192.0.2.1, a documentation network",
        "192.168.1.1, a private network",
        "198.18.0.1, a benchmarking network",
        "198.51.100.1, a documentation network",
        "203.0.113.1, a documentation network",
        "224.0.0.1, a multicast address",
        "255.255.255.255, a reserved address",
        "::, an unspecified address",
        "::1, a loopback address",
        "100::1, a discard address",
        "2001:db8::1, a documentation network",
        "64:ff9b:1::a00:1, a local-use NAT64 network",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2, a Teredo tunnel address",
        "fc00::1, a private network (unique local)",
        "fd12:3456::1, a private network (unique local)",
        "fe80::1, a link-local address",
        "fec0::1, a site-local address",
        "ff02::1, a multicast address"
    })
    void refusesEveryDefaultDenyRange(String address, String reason) throws Exception {
        assertThat(DEFAULTS.denialReason(ip(address))).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(DEFAULTS.denialReason(ip(address))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "::ffff:127.0.0.1, a loopback address",
        "::ffff:10.0.0.1, a private network",
        "::ffff:169.254.169.254, a link-local address (cloud metadata)",
        "::127.0.0.1, a loopback address",
        "64:ff9b::7f00:1, a loopback address",
        "64:ff9b::a9fe:a9fe, a link-local address (cloud metadata)",
        "2002:7f00:1::, a loopback address",
        "2002:0a00:0001::1, a private network"
    })
    void judgesIpv6FormsByTheIpv4AddressTheyCarry(String address, String reason) throws Exception {
        assertThat(DEFAULTS.denialReason(ipv6(address))).contains(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void allowsIpv6FormsCarryingAPublicAddress(String address) throws Exception {
        assertThat(DEFAULTS.denialReason(ipv6(address))).isEmpty();
    }

    @Test
    void unspecifiedAndLoopbackIpv6AreNotMistakenForIpv4Compatible() throws Exception {
        assertThat(EgressRules.embeddedIpv4(ip("::").getAddress())).isEmpty();
        assertThat(EgressRules.embeddedIpv4(ip("::1").getAddress())).isEmpty();
        assertThat(EgressRules.embeddedIpv4(ip("::2").getAddress()))
                .hasValueSatisfying(v4 -> assertThat(v4).containsExactly(0, 0, 0, 2));
    }

    @Test
    void plainIpv6AndIpv4CarryNoEmbeddedAddress() throws Exception {
        assertThat(EgressRules.embeddedIpv4(ip("2606:4700::1111").getAddress())).isEmpty();
        assertThat(EgressRules.embeddedIpv4(ip("10.0.0.1").getAddress())).isEmpty();
    }

    @Test
    void allowedNetworkOverridesTheDenyRanges() throws Exception {
        EgressRules rules = new EgressRules(Set.of("http"), List.of(), List.of("127.0.0.0/8", "10.20.0.0/16"));

        assertThat(rules.denialReason(ip("127.0.0.1"))).isEmpty();
        assertThat(rules.denialReason(ip("10.20.5.5"))).isEmpty();
        assertThat(rules.denialReason(ip("10.21.0.1"))).contains("a private network");
        assertThat(rules.denialReason(ip("169.254.169.254"))).isPresent();
    }

    @Test
    void allowedIpv4NetworkAlsoAllowsItsIpv6Forms() throws Exception {
        EgressRules rules = new EgressRules(Set.of("http"), List.of(), List.of("10.0.0.0/8"));

        assertThat(rules.denialReason(ipv6("::ffff:10.0.0.1"))).isEmpty();
        assertThat(rules.denialReason(ipv6("64:ff9b::a00:1"))).isEmpty();
        assertThat(rules.denialReason(ipv6("::ffff:127.0.0.1"))).contains("a loopback address");
    }

    @Test
    void allowedIpv6NetworkOverridesTheDenyRanges() throws Exception {
        EgressRules rules = new EgressRules(Set.of("http"), List.of(), List.of("fd00:1::/32", "::1"));

        assertThat(rules.denialReason(ip("fd00:1::5"))).isEmpty();
        assertThat(rules.denialReason(ip("::1"))).isEmpty();
        assertThat(rules.denialReason(ip("fd00:2::5"))).contains("a private network (unique local)");
    }

    @Test
    void extraDeniedNetworksAreRefusedNamingTheNetwork() throws Exception {
        EgressRules rules = new EgressRules(Set.of("http"), List.of(" 8.8.8.0/24", "2606:4700::/32"), List.of());

        assertThat(rules.denialReason(ip("8.8.8.8"))).contains("denied network 8.8.8.0/24");
        assertThat(rules.denialReason(ipv6("::ffff:8.8.8.8"))).contains("denied network 8.8.8.0/24");
        assertThat(rules.denialReason(ip("2606:4700::1111"))).contains("denied network 2606:4700::/32");
        assertThat(rules.denialReason(ip("8.8.4.4"))).isEmpty();
    }

    @Test
    void allowedNetworksWinOverExtraDeniedNetworks() throws Exception {
        EgressRules rules = new EgressRules(Set.of("http"), List.of("8.8.0.0/16"), List.of("8.8.8.8"));

        assertThat(rules.denialReason(ip("8.8.8.8"))).isEmpty();
        assertThat(rules.denialReason(ip("8.8.4.4"))).isPresent();
    }

    @Test
    void schemesAreComparedIgnoringCase() {
        EgressRules rules = new EgressRules(Set.of("HTTP", "https"), List.of(), List.of());

        assertThat(rules.allowsScheme("http")).isTrue();
        assertThat(rules.allowsScheme("HTTPS")).isTrue();
        assertThat(rules.allowsScheme("ftp")).isFalse();
        assertThat(rules.allowsScheme("file")).isFalse();
        assertThat(rules.allowsScheme(null)).isFalse();
        assertThat(rules.schemes()).containsExactlyInAnyOrder("http", "https");
    }

    @Test
    void everyDefaultRangeParses() {
        assertThat(EgressRules.DEFAULT_DENIED.keySet())
                .allSatisfy(cidr -> assertThat(IpRange.parse(cidr)).isNotNull());
    }
}
