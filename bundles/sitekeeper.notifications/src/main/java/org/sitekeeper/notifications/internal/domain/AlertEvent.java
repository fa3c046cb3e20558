package org.sitekeeper.notifications.internal.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.sitekeeper.core.api.event.EventProperties;
import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.core.api.event.Topics;

/**
 * An event as notifications see it: the standard properties, normalised, plus every other property as text
 * (for templates).
 *
 * @param alertKey the event's {@code alert.key}, or {@code <topic without its event>:<site>} when absent, so that
 *     a {@code …/DOWN} and its {@code …/UP} meet
 * @param recovery whether the topic closes an alert ({@code …/UP}, {@code …/RESOLVED})
 */
public record AlertEvent(
        String topic,
        String alertKey,
        Long siteId,
        Severity severity,
        String title,
        String message,
        String link,
        Instant occurredAt,
        boolean recovery,
        Map<String, String> properties) {

    public AlertEvent {
        properties = Map.copyOf(properties);
    }

    /** Reads an event's topic and properties; missing standard values get sensible defaults. */
    public static AlertEvent from(String topic, Map<String, ?> raw, Instant receivedAt) {
        Map<String, String> text = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (value != null && !key.equals("event.topics")) {
                text.put(key, value instanceof String[] array ? String.join(", ", array) : value.toString());
            }
        });
        Long site = siteId(raw.get(EventProperties.SITE_ID));
        boolean recovery = Topics.isRecovery(topic);
        String key = Optional.ofNullable(text.get(EventProperties.ALERT_KEY))
                .filter(k -> !k.isBlank())
                .orElseGet(() -> topic.substring(0, topic.lastIndexOf('/')) + ":" + (site == null ? "hub" : site));
        Severity severity = Optional.ofNullable(text.get(EventProperties.SEVERITY))
                .flatMap(Severity::fromWireName)
                .orElse(recovery ? Severity.INFO : Severity.WARNING);
        String title = Optional.ofNullable(text.get(EventProperties.TITLE))
                .filter(t -> !t.isBlank())
                .orElse(topic);
        return new AlertEvent(
                topic,
                cut(key, 200),
                site,
                severity,
                cut(title, 300),
                cut(text.getOrDefault(EventProperties.MESSAGE, ""), 2000),
                cut(text.get(EventProperties.LINK), 1000),
                instant(text.get(EventProperties.OCCURRED_AT)).orElse(receivedAt),
                recovery,
                text);
    }

    /** {@code uptime} of {@code sitekeeper/uptime/DOWN}. */
    public String capability() {
        String[] parts = topic.split("/");
        return parts.length >= 3 ? parts[1] : topic;
    }

    /** {@code DOWN} of {@code sitekeeper/uptime/DOWN}. */
    public String eventName() {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }

    private static Long siteId(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
