package org.sitekeeper.notifications.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sitekeeper.notifications.api.AlertSummary;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class MessageModelTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    private static final String HUB = "https://hub.example";
    private static final SiteFacts SHOP = new SiteFacts(42, "Shop", "https://shop.example.com", "eu", List.of("woo"));

    private static AlertEvent event(String topic, String severity, String title) {
        return AlertEvent.from(
                topic,
                Map.ofEntries(
                        entry("site.id", 42L),
                        entry("severity", severity),
                        entry("title", title),
                        entry("message", "Connection refused"),
                        entry("link", "/sites/42"),
                        entry("occurred.at", AT.toString()),
                        entry("orders.expected", 10)),
                AT);
    }

    @Test
    void theModelHoldsTheStandardValuesTheSiteAndEveryProperty() {
        Map<String, Object> model =
                MessageModel.of(event("sitekeeper/uptime/DOWN", "critical", "Shop is down"), SHOP, "alert", HUB);

        assertThat(model)
                .containsEntry("title", "Shop is down")
                .containsEntry("message", "Connection refused")
                .containsEntry("severity", "critical")
                .containsEntry("SEVERITY", "CRITICAL")
                .containsEntry("severity_icon", "🔴")
                .containsEntry("topic", "sitekeeper/uptime/DOWN")
                .containsEntry("capability", "uptime")
                .containsEntry("event", "DOWN")
                .containsEntry("alert_key", "sitekeeper/uptime:42")
                .containsEntry("occurred_at", "2026-03-01 10:15:30 UTC")
                .containsEntry("recovery", false)
                .containsEntry("repeat", false)
                .containsEntry("kind", "alert")
                .containsEntry("hub_url", HUB)
                .containsEntry("link", "https://hub.example/sites/42")
                .containsEntry("site_id", 42L)
                .containsEntry("site_name", "Shop")
                .containsEntry("site_url", "https://shop.example.com")
                .containsEntry("site_group", "eu")
                .containsEntry("orders.expected", "10");
    }

    @Test
    void withoutSiteFactsThereIsNoSiteName() {
        Map<String, Object> model =
                MessageModel.of(event("sitekeeper/uptime/DOWN", "warning", "t"), null, "alert", HUB);

        assertThat(model).containsEntry("site_id", 42L).doesNotContainKeys("site_name", "site_url", "site_group");
    }

    @Test
    void withoutASiteThereIsNoSiteId() {
        AlertEvent hubAlert = AlertEvent.from("sitekeeper/backup/FAILED", Map.of(), AT);

        assertThat(MessageModel.of(hubAlert, null, "alert", HUB)).doesNotContainKey("site_id");
    }

    @Test
    void theStandardValuesWinOverPropertiesOfTheSameName() {
        AlertEvent alert = AlertEvent.from(
                "sitekeeper/uptime/DOWN", Map.of("title", "t".repeat(400), "topic", "fake", "kind", "fake"), AT);

        Map<String, Object> model = MessageModel.of(alert, null, "repeat", HUB);

        assertThat(model).containsEntry("topic", "sitekeeper/uptime/DOWN").containsEntry("kind", "repeat");
        assertThat((String) model.get("title")).hasSize(300);
    }

    @Test
    void aRepeatIsMarkedAsSuch() {
        Map<String, Object> model =
                MessageModel.of(event("sitekeeper/uptime/DOWN", "critical", "t"), null, "repeat", HUB);

        assertThat(model).containsEntry("repeat", true).containsEntry("kind", "repeat");
    }

    @Test
    void theIconFollowsTheSeverityAndRecoveriesAreTicked() {
        assertThat(MessageModel.icon("critical", false)).isEqualTo("🔴");
        assertThat(MessageModel.icon("warning", false)).isEqualTo("⚠");
        assertThat(MessageModel.icon("info", false)).isEqualTo("ℹ");
        assertThat(MessageModel.icon("critical", true)).isEqualTo("✅");
        assertThat(MessageModel.of(event("sitekeeper/uptime/UP", "info", "up"), null, "recovery", HUB))
                .containsEntry("severity_icon", "✅")
                .containsEntry("recovery", true);
    }

    @Test
    void aRelativeLinkIsMadeAbsoluteWithTheHubUrl() {
        assertThat(MessageModel.absolute("/sites/42", "https://hub.example")).isEqualTo("https://hub.example/sites/42");
        assertThat(MessageModel.absolute("/sites/42", "https://hub.example//"))
                .isEqualTo("https://hub.example/sites/42");
        assertThat(MessageModel.absolute("/system/console/x", "https://hub.example/sitekeeper/"))
                .isEqualTo("https://hub.example/sitekeeper/system/console/x");
    }

    @Test
    void otherLinksAreKeptAsTheyAre() {
        assertThat(MessageModel.absolute("https://shop.example/wp-admin", HUB))
                .isEqualTo("https://shop.example/wp-admin");
        assertThat(MessageModel.absolute("/sites/42", null)).isEqualTo("/sites/42");
        assertThat(MessageModel.absolute("/sites/42", " ")).isEqualTo("/sites/42");
        assertThat(MessageModel.absolute(null, HUB)).isNull();
        assertThat(MessageModel.absolute("  ", HUB)).isNull();
    }

    @Test
    void aGroupCountsItsAlertsAndTakesTheWorstFiringSeverity() {
        List<Map<String, Object>> alerts = List.of(
                MessageModel.of(event("sitekeeper/uptime/DOWN", "warning", "first"), SHOP, "alert", HUB),
                MessageModel.of(event("sitekeeper/ssl/EXPIRED", "critical", "second"), SHOP, "alert", HUB),
                MessageModel.of(event("sitekeeper/backup/RESOLVED", "critical", "third"), SHOP, "recovery", HUB));

        Map<String, Object> model = MessageModel.grouped(alerts, HUB);

        assertThat(model)
                .containsEntry("count", 3)
                .containsEntry("first_title", "first")
                .containsEntry("more", 2)
                .containsEntry("firing", 2L)
                .containsEntry("resolved", 1L)
                .containsEntry("severity", "critical")
                .containsEntry("SEVERITY", "CRITICAL")
                .containsEntry("severity_icon", "🔴")
                .containsEntry("hub_url", HUB);
        assertThat((List<?>) model.get("alerts")).hasSize(3);
    }

    @Test
    void aGroupOfRecoveriesOnlyIsTicked() {
        Map<String, Object> model = MessageModel.grouped(
                List.of(MessageModel.of(event("sitekeeper/uptime/UP", "critical", "up"), null, "recovery", HUB)), HUB);

        assertThat(model)
                .containsEntry("more", 0)
                .containsEntry("firing", 0L)
                .containsEntry("resolved", 1L)
                .containsEntry("severity", "info")
                .containsEntry("severity_icon", "✅");
    }

    @Test
    void anEmptyGroupHasNoTitle() {
        assertThat(MessageModel.grouped(List.of(), HUB))
                .containsEntry("count", 0)
                .containsEntry("first_title", "")
                .containsEntry("more", 0)
                .containsEntry("severity", "info");
    }

    @Test
    void theSummaryCarriesTheAlertForChannels() {
        AlertSummary summary =
                MessageModel.summary(event("sitekeeper/uptime/DOWN", "critical", "Shop is down"), SHOP, HUB);

        assertThat(summary)
                .isEqualTo(new AlertSummary(
                        "sitekeeper/uptime:42",
                        "sitekeeper/uptime/DOWN",
                        "critical",
                        false,
                        "Shop is down",
                        "Connection refused",
                        "https://hub.example/sites/42",
                        42L,
                        "Shop",
                        AT));
        assertThat(MessageModel.summary(event("sitekeeper/uptime/UP", "info", "up"), null, null))
                .satisfies(s -> {
                    assertThat(s.recovery()).isTrue();
                    assertThat(s.siteName()).isNull();
                    assertThat(s.link()).isEqualTo("/sites/42");
                });
    }
}
