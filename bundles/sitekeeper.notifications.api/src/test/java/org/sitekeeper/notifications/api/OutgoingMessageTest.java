package org.sitekeeper.notifications.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutgoingMessageTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static AlertSummary alert(String severity, boolean recovery) {
        return new AlertSummary("k", "sitekeeper/uptime/DOWN", severity, recovery, "t", "m", null, null, null, AT);
    }

    private static OutgoingMessage message(List<AlertSummary> alerts) {
        return new OutgoingMessage(
                1, 2, "ops", Map.of("url", "https://hooks.example"), List.of(), "grouped", "s", "t", "h", alerts, AT);
    }

    @Test
    void theSeverityIsTheWorstOfTheAlerts() {
        assertThat(message(List.of(alert("info", false), alert("critical", false), alert("warning", false)))
                        .severity())
                .isEqualTo("critical");
        assertThat(message(List.of(alert("warning", false), alert("info", false)))
                        .severity())
                .isEqualTo("warning");
        assertThat(message(List.of(alert("info", false))).severity()).isEqualTo("info");
    }

    @Test
    void withoutAlertsOrWithUnknownSeveritiesTheSeverityIsInfo() {
        assertThat(message(List.of()).severity()).isEqualTo("info");
        assertThat(message(List.of(alert("fatal", false))).severity()).isEqualTo("info");
    }

    @Test
    void aSettingIsReadAsText() {
        OutgoingMessage message = new OutgoingMessage(
                1,
                2,
                "ops",
                Map.of("url", "https://hooks.example", "port", 8443),
                List.of(),
                "test",
                "s",
                "t",
                "h",
                List.of(),
                AT);

        assertThat(message.setting("url")).isEqualTo("https://hooks.example");
        assertThat(message.setting("port")).isEqualTo("8443");
        assertThat(message.setting("absent")).isNull();
    }

    @Test
    void theMessageKeepsItsOwnCopies() {
        Map<String, Object> config = new HashMap<>(Map.of("url", "a"));
        List<String> recipients = new ArrayList<>(List.of("a@example.com"));
        OutgoingMessage message =
                new OutgoingMessage(1, 2, "ops", config, recipients, "test", "s", "t", "h", List.of(), AT);

        config.put("url", "b");
        recipients.add("b@example.com");

        assertThat(message.setting("url")).isEqualTo("a");
        assertThat(message.recipients()).containsExactly("a@example.com");
    }
}
