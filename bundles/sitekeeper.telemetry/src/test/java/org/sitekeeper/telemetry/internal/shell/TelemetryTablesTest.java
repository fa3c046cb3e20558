package org.sitekeeper.telemetry.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.InstallationDto;
import org.sitekeeper.telemetry.api.MonitoringRun;
import org.sitekeeper.telemetry.api.ToggleDto;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;
import org.sitekeeper.telemetry.api.VersionDto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelemetryTablesTest {

    private static final Instant NOW = Instant.parse("2026-03-30T12:00:00Z");

    private static InstallationDto installation(String merchant, String version, String latest, String upgrade) {
        return new InstallationDto(
                "5b0c9a1e-1111-4c2d-9e8f-000000000001",
                "m-1",
                merchant,
                "shop@example.com",
                "woocommerce",
                "https://shop.example.com",
                version,
                latest,
                upgrade == null ? "active" : "outdated",
                upgrade,
                1.234,
                3,
                250,
                null,
                NOW.minusSeconds(300),
                "production",
                "php",
                "8.1.0",
                "6.4",
                Map.of(),
                10,
                NOW.minusSeconds(86_400));
    }

    private static UpgradeNoticeDto notice(String channel, String status) {
        return new UpgradeNoticeDto(
                "n-" + channel,
                "i",
                "m-1",
                "woocommerce",
                "1.2.0",
                "1.3.5",
                "minor",
                channel,
                "normal",
                status,
                null,
                null,
                "olivia",
                NOW,
                null,
                null);
    }

    private static String print(Consumer<PrintStream> table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            table.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void toggleValuesReadAsOnOrOff() {
        assertThat(TelemetryTables.onOff("value", "on")).isTrue();
        assertThat(TelemetryTables.onOff("value", "TRUE")).isTrue();
        assertThat(TelemetryTables.onOff("value", " yes ")).isTrue();
        assertThat(TelemetryTables.onOff("value", "off")).isFalse();
        assertThat(TelemetryTables.onOff("value", "0")).isFalse();
        assertThatThrownBy(() -> TelemetryTables.onOff("value", "maybe"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("value must be on or off");
        assertThatThrownBy(() -> TelemetryTables.onOff("value", null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("value is required");
        assertThat(TelemetryTables.onOff(true)).isEqualTo("on");
    }

    @Test
    void footerTellsTheNextOffset() {
        assertThat(TelemetryTables.footer(50, 230, "installations", "50"))
                .isEqualTo("50 of 230 installations; more with --offset 50");
        assertThat(TelemetryTables.footer(3, 3, "installations", null)).isEqualTo("3 of 3 installations");
    }

    @Test
    void notifiedSaysWhichChannelsAndTheUpgrade() {
        assertThat(TelemetryTables.notified(List.of(notice("email", "queued"), notice("in-app", "pending"))))
                .isEqualTo("Sent 2 upgrade notices (1.2.0 → 1.3.5, minor): email queued, in-app pending");
        assertThat(TelemetryTables.notified(List.of(notice("sms", "queued"))))
                .isEqualTo("Sent 1 upgrade notice (1.2.0 → 1.3.5, minor): sms queued");
        assertThat(TelemetryTables.notified(List.of())).isEqualTo("No upgrade notice was sent");
    }

    @Test
    void runSummaryWithAlertsOnTheirOwnLines() {
        String text = TelemetryTables.run(
                new MonitoringRun("daily", 120, 3, 1, 0, 120, 2, List.of("32 % outdated\n(above 20 %)"), 45));

        assertThat(text)
                .startsWith("daily run: 120 installations, 3 marked outdated, 1 marked stale, 0 error rates updated,"
                        + " 120 metrics recorded, 2 notices sent in 45 ms")
                .endsWith(System.lineSeparator() + "  alert: 32 % outdated (above 20 %)");
        assertThat(TelemetryTables.run(new MonitoringRun("hourly", 0, 0, 0, 0, 0, 0, null, 1)))
                .doesNotContain("alert");
    }

    @Test
    void installationTableHasVersionToLatestAndErrorRate() {
        String text = print(out -> TelemetryTables.installations(
                List.of(
                        installation("Boutique Dakar", "1.2.0", "1.3.5", "minor"),
                        installation("", "1.3.5", "1.3.5", null)),
                NOW,
                out));

        assertThat(text).contains("Merchant").contains("Version").contains("Error rate");
        assertThat(text)
                .contains("Boutique Dakar")
                .contains("1.2.0 → 1.3.5")
                .contains("minor")
                .contains("outdated");
        assertThat(text).contains("1.23 %").contains("5 min ago");
        // no name: the merchant id stands in
        assertThat(text).contains("m-1");
    }

    @Test
    void connectionsTableReadsLikeSeedOne() {
        ConnectionDto connected = new ConnectionDto(
                "c1",
                "AgentDesk",
                "bot_ab12…",
                "connected",
                true,
                "https://blog.example.com",
                "1.1.0",
                "6.3.1",
                true,
                NOW.minusSeconds(180),
                "3 minutes ago",
                12,
                "olivia",
                NOW,
                null);
        ConnectionDto never = new ConnectionDto(
                "c2",
                "New",
                "bot_cd34…",
                "never",
                false,
                null,
                null,
                null,
                null,
                null,
                "never",
                0,
                "olivia",
                NOW,
                null);

        String text = print(out -> TelemetryTables.connections(List.of(connected, never), out));

        String connectedRow = text.lines()
                .filter(l -> l.contains("https://blog.example.com"))
                .findFirst()
                .orElseThrow();
        String neverRow =
                text.lines().filter(l -> l.contains("bot_cd34")).findFirst().orElseThrow();
        assertThat(connectedRow)
                .contains("Connected")
                .doesNotContain("Not Connected")
                .contains("Last sync: 3 minutes ago");
        assertThat(neverRow).contains("Not Connected").contains("Never synced");
        assertThat(text).contains("bot_ab12…").contains("https://blog.example.com");
        // the service hands the prefix over with its ellipsis: shown once, not twice
        assertThat(text).contains("bot_cd34…").doesNotContain("……");
        assertThat(TelemetryTables.connected(connected)).isEqualTo("Connected");
        assertThat(TelemetryTables.connected(never)).isEqualTo("Not Connected");
    }

    @Test
    void versionsTogglesAndNoticesPrint() {
        String versions = print(out -> TelemetryTables.versions(
                List.of(new VersionDto("woocommerce", "1.3.5", true, true, "Fixes\na bug", NOW, true, 7, NOW)), out));
        assertThat(versions)
                .contains("woocommerce")
                .contains("1.3.5")
                .contains("Fixes a bug")
                .contains("7");

        String toggles = print(out -> TelemetryTables.toggles(
                List.of(new ToggleDto(1, "i", "rate_limit", true, "noisy", null, "olivia", 10, NOW, true)), out));
        assertThat(toggles)
                .contains("rate_limit")
                .contains("on (10/min)")
                .contains("never")
                .contains("yes");

        String notices = print(out -> TelemetryTables.notices(List.of(notice("email", "queued")), out));
        assertThat(notices).contains("1.2.0 → 1.3.5").contains("email").contains("queued");
    }

    @Test
    void oneInstallationPrintsItsFields() {
        String text = print(out ->
                TelemetryTables.installation(installation("Boutique Dakar", "1.2.0", "1.3.5", "minor"), NOW, out));

        assertThat(text).contains("Boutique Dakar (m-1)").contains("1.2.0 → 1.3.5");
        assertThat(text).contains("1.23 % (3 errors of 250 events)").contains("(5 min ago)");
    }
}
