package org.sitekeeper.notifications.internal.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.event.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class AlertEventTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");
    private static final String DOWN = "sitekeeper/uptime/DOWN";

    @Test
    void readsTheStandardProperties() {
        AlertEvent alert = AlertEvent.from(
                DOWN,
                Map.of(
                        "site.id", 42L,
                        "severity", "critical",
                        "alert.key", "uptime:7",
                        "title", "shop.example.com is down",
                        "message", "Connection refused",
                        "link", "/sites/42",
                        "occurred.at", "2026-03-01T09:58:30Z"),
                RECEIVED);

        assertThat(alert.topic()).isEqualTo(DOWN);
        assertThat(alert.siteId()).isEqualTo(42L);
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.alertKey()).isEqualTo("uptime:7");
        assertThat(alert.title()).isEqualTo("shop.example.com is down");
        assertThat(alert.message()).isEqualTo("Connection refused");
        assertThat(alert.link()).isEqualTo("/sites/42");
        assertThat(alert.occurredAt()).isEqualTo(Instant.parse("2026-03-01T09:58:30Z"));
        assertThat(alert.recovery()).isFalse();
    }

    @Test
    void theSiteIdMayComeAsLongIntegerOrText() {
        assertThat(AlertEvent.from(DOWN, Map.of("site.id", 42L), RECEIVED).siteId())
                .isEqualTo(42L);
        assertThat(AlertEvent.from(DOWN, Map.of("site.id", 42), RECEIVED).siteId())
                .isEqualTo(42L);
        assertThat(AlertEvent.from(DOWN, Map.of("site.id", " 42 "), RECEIVED).siteId())
                .isEqualTo(42L);
    }

    @Test
    void aSiteIdThatIsNotANumberMeansNoSite() {
        AlertEvent alert = AlertEvent.from(DOWN, Map.of("site.id", "shop"), RECEIVED);

        assertThat(alert.siteId()).isNull();
        assertThat(alert.alertKey()).isEqualTo("sitekeeper/uptime:hub");
        assertThat(AlertEvent.from(DOWN, Map.of("site.id", true), RECEIVED).siteId())
                .isNull();
    }

    @Test
    void severityIsParsedIgnoringCaseAndBlanks() {
        assertThat(AlertEvent.from(DOWN, Map.of("severity", " Critical "), RECEIVED)
                        .severity())
                .isEqualTo(Severity.CRITICAL);
        assertThat(AlertEvent.from(DOWN, Map.of("severity", Severity.INFO), RECEIVED)
                        .severity())
                .isEqualTo(Severity.INFO);
    }

    @Test
    void aMissingOrUnknownSeverityIsWarningForAlertsAndInfoForRecoveries() {
        assertThat(AlertEvent.from(DOWN, Map.of(), RECEIVED).severity()).isEqualTo(Severity.WARNING);
        assertThat(AlertEvent.from(DOWN, Map.of("severity", "fatal"), RECEIVED).severity())
                .isEqualTo(Severity.WARNING);
        assertThat(AlertEvent.from("sitekeeper/uptime/UP", Map.of(), RECEIVED).severity())
                .isEqualTo(Severity.INFO);
        assertThat(AlertEvent.from("sitekeeper/ssl/RESOLVED", Map.of("severity", "fatal"), RECEIVED)
                        .severity())
                .isEqualTo(Severity.INFO);
    }

    @Test
    void theTitleDefaultsToTheTopicAndTheMessageToEmpty() {
        AlertEvent untitled = AlertEvent.from(DOWN, Map.of(), RECEIVED);
        AlertEvent blank = AlertEvent.from(DOWN, Map.of("title", "  "), RECEIVED);

        assertThat(untitled.title()).isEqualTo(DOWN);
        assertThat(blank.title()).isEqualTo(DOWN);
        assertThat(untitled.message()).isEmpty();
        assertThat(untitled.link()).isNull();
    }

    @Test
    void occurredAtFallsBackToWhenTheEventWasReceived() {
        assertThat(AlertEvent.from(DOWN, Map.of(), RECEIVED).occurredAt()).isEqualTo(RECEIVED);
        assertThat(AlertEvent.from(DOWN, Map.of("occurred.at", "yesterday"), RECEIVED)
                        .occurredAt())
                .isEqualTo(RECEIVED);
        assertThat(AlertEvent.from(DOWN, Map.of("occurred.at", "2026-03-01 09:00"), RECEIVED)
                        .occurredAt())
                .isEqualTo(RECEIVED);
        assertThat(AlertEvent.from(DOWN, Map.of("occurred.at", Instant.parse("2026-02-28T23:00:00Z")), RECEIVED)
                        .occurredAt())
                .isEqualTo(Instant.parse("2026-02-28T23:00:00Z"));
    }

    @Test
    void everyOtherPropertyIsKeptAsTextWithArraysJoined() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("orders.expected", 10);
        raw.put("orders.actual", 2L);
        raw.put("recipients", new String[] {"a@example.com", "b@example.com"});
        raw.put("ignored", null);
        raw.put("event.topics", DOWN);

        AlertEvent alert = AlertEvent.from(DOWN, raw, RECEIVED);

        assertThat(alert.properties())
                .containsOnly(
                        entry("orders.expected", "10"),
                        entry("orders.actual", "2"),
                        entry("recipients", "a@example.com, b@example.com"));
    }

    @Test
    void theStandardPropertiesStayInThePropertiesAsText() {
        AlertEvent alert = AlertEvent.from(DOWN, Map.of("site.id", 42L, "severity", "critical"), RECEIVED);

        assertThat(alert.properties()).containsEntry("site.id", "42").containsEntry("severity", "critical");
    }

    @Test
    void withoutAKeyADownAndItsUpShareTheKeyOfTheirCapabilityAndSite() {
        AlertEvent down = AlertEvent.from(DOWN, Map.of("site.id", 42L), RECEIVED);
        AlertEvent up = AlertEvent.from("sitekeeper/uptime/UP", Map.of("site.id", 42L), RECEIVED);
        AlertEvent otherSite = AlertEvent.from(DOWN, Map.of("site.id", 43L), RECEIVED);

        assertThat(down.alertKey()).isEqualTo("sitekeeper/uptime:42");
        assertThat(up.alertKey()).isEqualTo(down.alertKey());
        assertThat(otherSite.alertKey()).isNotEqualTo(down.alertKey());
    }

    @Test
    void withoutASiteTheKeyIsAboutTheHub() {
        AlertEvent alert = AlertEvent.from("sitekeeper/backup/FAILED", Map.of(), RECEIVED);

        assertThat(alert.alertKey()).isEqualTo("sitekeeper/backup:hub");
    }

    @Test
    void aBlankKeyIsReplacedByTheDefaultKey() {
        AlertEvent alert = AlertEvent.from(DOWN, Map.of("alert.key", " ", "site.id", 1), RECEIVED);

        assertThat(alert.alertKey()).isEqualTo("sitekeeper/uptime:1");
    }

    @Test
    void upAndResolvedAreRecoveries() {
        assertThat(AlertEvent.from("sitekeeper/uptime/UP", Map.of(), RECEIVED).recovery())
                .isTrue();
        assertThat(AlertEvent.from("sitekeeper/ssl/RESOLVED", Map.of(), RECEIVED)
                        .recovery())
                .isTrue();
        assertThat(AlertEvent.from("sitekeeper/ssl/UNRESOLVED", Map.of(), RECEIVED)
                        .recovery())
                .isFalse();
        assertThat(AlertEvent.from(DOWN, Map.of(), RECEIVED).recovery()).isFalse();
    }

    @Test
    void overlongValuesAreCutWithAnEllipsis() {
        AlertEvent alert = AlertEvent.from(
                DOWN,
                Map.of(
                        "alert.key", "k".repeat(500),
                        "title", "t".repeat(301),
                        "message", "m".repeat(5000),
                        "link", "/" + "l".repeat(2000)),
                RECEIVED);

        assertThat(alert.alertKey()).hasSize(200).endsWith("k…");
        assertThat(alert.title()).hasSize(300).endsWith("t…");
        assertThat(alert.message()).hasSize(2000).endsWith("m…");
        assertThat(alert.link()).hasSize(1000).endsWith("l…");
        assertThat(alert.properties().get("title")).hasSize(301);
    }

    @Test
    void valuesAtTheLimitAreKeptWhole() {
        AlertEvent alert = AlertEvent.from(DOWN, Map.of("title", "t".repeat(300)), RECEIVED);

        assertThat(alert.title()).isEqualTo("t".repeat(300));
    }

    @Test
    void capabilityAndEventNameComeFromTheTopic() {
        AlertEvent alert = AlertEvent.from("sitekeeper/whmcs-stock/LOW_STOCK", Map.of(), RECEIVED);

        assertThat(alert.capability()).isEqualTo("whmcs-stock");
        assertThat(alert.eventName()).isEqualTo("LOW_STOCK");
    }

    @Test
    void aShortTopicIsItsOwnCapability() {
        AlertEvent alert = AlertEvent.from("external/ALERT", Map.of(), RECEIVED);

        assertThat(alert.capability()).isEqualTo("external/ALERT");
        assertThat(alert.eventName()).isEqualTo("ALERT");
        assertThat(alert.alertKey()).isEqualTo("external:hub");
    }

    @Test
    void thePropertiesCannotBeChangedAfterwards() {
        Map<String, Object> raw = new HashMap<>(Map.of("a", "1"));
        AlertEvent alert = AlertEvent.from(DOWN, raw, RECEIVED);

        raw.put("b", "2");

        assertThat(alert.properties()).containsOnlyKeys("a");
        assertThat(alert.properties()).isUnmodifiable();
    }
}
