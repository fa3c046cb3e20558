package org.sitekeeper.notifications.email.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sitekeeper.notifications.api.AlertSummary;
import org.sitekeeper.notifications.api.OutgoingMessage;

/** Messages and settings the tests send. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String FROM = "Sitekeeper Überwachung <alerts@example.com>";
    static final String SUBJECT = "Überwachung ✅ shop.example.com is down";
    static final String TEXT = "shop.example.com is down since 10:15 — größer als gedacht.";
    static final String HTML = "<p><b>shop.example.com</b> is down — größer als gedacht.</p>";

    private Fixtures() {}

    /** Settings as staff send them: host, port, security, then name/value pairs. */
    static Map<String, Object> config(String host, int port, String security, Object... more) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("host", host);
        config.put("port", port);
        config.put("security", security);
        config.put("from", FROM);
        for (int i = 0; i < more.length; i += 2) {
            config.put((String) more[i], more[i + 1]);
        }
        return config;
    }

    static OutgoingMessage message(long deliveryId, Map<String, Object> config, String... recipients) {
        return message(deliveryId, config, NOW.plusSeconds(60), recipients);
    }

    static OutgoingMessage message(
            long deliveryId, Map<String, Object> config, Instant deadline, String... recipients) {
        AlertSummary alert = new AlertSummary(
                "uptime:12",
                "sitekeeper/uptime/DOWN",
                "critical",
                false,
                "shop.example.com is down",
                "No answer within 10 s",
                "https://hub.example.com/sites/12",
                12L,
                "shop.example.com",
                NOW);
        return new OutgoingMessage(
                deliveryId,
                3L,
                "Ops mail",
                config,
                List.of(recipients),
                "alert",
                SUBJECT,
                TEXT,
                HTML,
                List.of(alert),
                deadline);
    }

    static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
