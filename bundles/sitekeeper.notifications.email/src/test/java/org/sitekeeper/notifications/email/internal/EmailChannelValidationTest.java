package org.sitekeeper.notifications.email.internal;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.notifications.api.ChannelField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitekeeper.notifications.email.internal.Fixtures.CLOCK;
import static org.sitekeeper.notifications.email.internal.Fixtures.config;

class EmailChannelValidationTest {

    private final FakeEgress egress =
            new FakeEgress().allow("smtp.example.com", "203.0.113.25").deny("mail.internal.test", "private network");
    private final EmailChannel channel = new EmailChannel(egress, CLOCK, TestTls.trusting());

    @Test
    void describesItself() {
        assertThat(channel.type()).isEqualTo("email");
        assertThat(channel.title()).isEqualTo("Email (SMTP)");
        assertThat(channel.needsRecipients()).isTrue();
        assertThat(channel.fields())
                .extracting(ChannelField::name)
                .containsExactly(
                        "host", "port", "security", "username", "password", "from", "reply_to", "timeout_seconds");
        assertThat(channel.fields())
                .filteredOn(ChannelField::secret)
                .extracting(ChannelField::name)
                .containsExactly("password");
        assertThat(channel.fields())
                .filteredOn(ChannelField::required)
                .extracting(ChannelField::name)
                .containsExactly("host", "from");
    }

    @Test
    void normalisesAndFillsInDefaults() {
        Map<String, Object> config = new HashMap<>();
        config.put("host", "  SMTP.Example.com. ");
        config.put("from", "Sitekeeper <Alerts@Example.COM>");
        config.put("username", "alerts");
        config.put("password", " secret with spaces ");

        Map<String, Object> valid = channel.validate(config);

        assertThat(valid)
                .containsEntry("host", "smtp.example.com")
                .containsEntry("security", "starttls")
                .containsEntry("port", 587)
                .containsEntry("from", "Sitekeeper <Alerts@example.com>")
                .doesNotContainKey("reply_to")
                .containsEntry("username", "alerts")
                .containsEntry("password", " secret with spaces ")
                .containsEntry("timeout_seconds", 20);
        assertThat(valid.get("port")).isInstanceOf(Integer.class);
        assertThat(egress.resolved).containsExactly("smtp.example.com");
        // what is stored passes again unchanged
        assertThat(channel.validate(valid)).isEqualTo(valid);
    }

    @Test
    void defaultPortFollowsSecurity() {
        assertThat(channel.validate(Map.of("host", "smtp.example.com", "from", "a@example.com", "security", "none")))
                .containsEntry("port", 25);
        assertThat(channel.validate(Map.of("host", "smtp.example.com", "from", "a@example.com", "security", "TLS")))
                .containsEntry("port", 465)
                .containsEntry("security", "tls");
        assertThat(channel.validate(Map.of(
                        "host", "smtp.example.com", "from", "a@example.com", "port", "2525", "timeout_seconds", 5)))
                .containsEntry("port", 2525)
                .containsEntry("timeout_seconds", 5);
    }

    @Test
    void acceptsAddressLiteralsAndHostsNotInDnsYet() {
        assertThat(channel.validate(Map.of("host", "[2001:DB8::25]", "from", "a@example.com")))
                .containsEntry("host", "2001:db8::25");
        assertThat(channel.validate(Map.of("host", "new-relay.example.net", "from", "a@example.com")))
                .containsEntry("host", "new-relay.example.net");
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp://smtp.example.com", "smtp.example.com:587", "smtp example.com", "-bad-.com", ""})
    void refusesHostsThatAreNoHostNames(String host) {
        assertRefused(Map.of("host", host, "from", "a@example.com"), "config.host");
    }

    @Test
    void refusesHostsTheEgressPolicyDenies() {
        assertThatThrownBy(() -> channel.validate(Map.of("host", "mail.internal.test", "from", "a@example.com")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("config.host"))
                .hasMessageContaining("private network")
                .hasMessageContaining("allowed_networks")
                .hasMessageContaining("org.sitekeeper.egress");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alerts", "alerts@", "@example.com", "a@example.com, b@example.com", "a@exa mple.com"})
    void refusesSendersThatAreNotOneAddress(String from) {
        assertRefused(Map.of("host", "smtp.example.com", "from", from), "config.from");
    }

    @Test
    void requiresSender() {
        assertRefused(Map.of("host", "smtp.example.com"), "config.from");
        assertRefused(Map.of("from", "a@example.com"), "config.host");
    }

    @Test
    void checksReplyTo() {
        assertRefused(
                Map.of("host", "smtp.example.com", "from", "a@example.com", "reply_to", "nobody"), "config.reply_to");
        assertThat(channel.validate(Map.of(
                        "host", "smtp.example.com", "from", "a@example.com", "reply_to", "Ops <ops@EXAMPLE.com>")))
                .containsEntry("reply_to", "Ops <ops@example.com>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65536", "x", "25.5"})
    void refusesPortsOutOfRange(String port) {
        assertRefused(Map.of("host", "smtp.example.com", "from", "a@example.com", "port", port), "config.port");
    }

    @Test
    void refusesUnknownSecurity() {
        assertRefused(
                Map.of("host", "smtp.example.com", "from", "a@example.com", "security", "ssl"), "config.security");
    }

    @Test
    void credentialsComeInPairsAndOnlyOverTls() {
        assertRefused(
                Map.of("host", "smtp.example.com", "from", "a@example.com", "username", "alerts"), "config.password");
        assertRefused(Map.of("host", "smtp.example.com", "from", "a@example.com", "password", "pw"), "config.username");
        assertRefused(
                Map.of(
                        "host",
                        "smtp.example.com",
                        "from",
                        "a@example.com",
                        "security",
                        "none",
                        "username",
                        "alerts",
                        "password",
                        "pw"),
                "config.security");
    }

    @Test
    void passwordNeverAppearsInErrors() {
        Map<String, Object> config =
                Map.of("host", "smtp.example.com", "from", "a@example.com", "password", "hunter2-" + "x".repeat(600));
        assertThatThrownBy(() -> channel.validate(config))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 121})
    void refusesTimeoutsOutOfRange(int seconds) {
        assertRefused(
                Map.of("host", "smtp.example.com", "from", "a@example.com", "timeout_seconds", seconds),
                "config.timeout_seconds");
    }

    @Test
    void normalisesRecipients() {
        assertThat(channel.validateRecipient("recipients[0]", " Ops <Ops.Team@Example.COM> "))
                .isEqualTo("Ops.Team@example.com");
        assertThat(channel.validateRecipient("recipients[0]", "oncall+sitekeeper@example.com"))
                .isEqualTo("oncall+sitekeeper@example.com");
        assertThat(channel.validateRecipient("recipients[0]", "ops@Bücher.example"))
                .isEqualTo("ops@xn--bcher-kva.example");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ops",
                "ops@",
                "ops@example.com, cto@example.com",
                "ops@example.com\r\nBcc: all@example.com",
                "<>",
                "ops@@example.com",
                "jörg@example.com"
            })
    void refusesBadRecipients(String recipient) {
        assertThatThrownBy(() -> channel.validateRecipient("recipients[1]", recipient))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("recipients[1]"))
                .hasMessageContaining("recipients[1]");
    }

    @Test
    void timeoutNeverPassesTheDeadline() {
        SmtpSettings settings = SmtpSettings.read(config("smtp.example.com", 587, "starttls", "timeout_seconds", 20));
        assertThat(EmailChannel.timeout(
                        settings,
                        Fixtures.message(1, Map.of(), Fixtures.NOW.plusSeconds(7), "a@example.com"),
                        Fixtures.NOW))
                .hasSeconds(7);
        assertThat(EmailChannel.timeout(
                        settings,
                        Fixtures.message(1, Map.of(), Fixtures.NOW.plusSeconds(600), "a@example.com"),
                        Fixtures.NOW))
                .hasSeconds(20);
        assertThat(EmailChannel.timeout(
                        settings,
                        Fixtures.message(1, Map.of(), Fixtures.NOW.minusSeconds(5), "a@example.com"),
                        Fixtures.NOW))
                .hasSeconds(1);
    }

    @Test
    void settingsNeverPrintThePassword() {
        SmtpSettings settings =
                SmtpSettings.read(config("smtp.example.com", 587, "starttls", "username", "u", "password", "s3cr3t"));
        assertThat(settings.toString()).doesNotContain("s3cr3t").contains("password set");
    }

    private void assertRefused(Map<String, Object> config, String field) {
        assertThatThrownBy(() -> channel.validate(config))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(field);
    }
}
