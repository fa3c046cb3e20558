package org.sitekeeper.core.api.event;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.event.Event;

/**
 * Builds an EventAdmin {@link Event} with the standard properties of {@link EventProperties}.
 *
 * <pre>{@code
 * eventAdmin.postEvent(SitekeeperEvent.of("uptime", "DOWN")
 *         .site(42).severity(Severity.CRITICAL).alertKey("uptime:7")
 *         .title("shop.example.com is down").message("Connection refused")
 *         .occurredAt(clock.instant()).toEvent());
 * }</pre>
 */
public final class SitekeeperEvent {

    private final String topic;
    private final Map<String, Object> properties = new HashMap<>();

    private SitekeeperEvent(String topic) {
        this.topic = topic;
        properties.put(EventProperties.SEVERITY, Severity.INFO.wireName());
    }

    /** An event on {@code sitekeeper/<capability>/<event>}. */
    public static SitekeeperEvent of(String capability, String event) {
        return new SitekeeperEvent(Topics.topic(capability, event));
    }

    public SitekeeperEvent site(long siteId) {
        properties.put(EventProperties.SITE_ID, siteId);
        return this;
    }

    public SitekeeperEvent severity(Severity severity) {
        properties.put(EventProperties.SEVERITY, severity.wireName());
        return this;
    }

    public SitekeeperEvent alertKey(String alertKey) {
        return property(EventProperties.ALERT_KEY, alertKey);
    }

    public SitekeeperEvent title(String title) {
        return property(EventProperties.TITLE, title);
    }

    public SitekeeperEvent message(String message) {
        return property(EventProperties.MESSAGE, message);
    }

    public SitekeeperEvent link(String link) {
        return property(EventProperties.LINK, link);
    }

    public SitekeeperEvent actor(String actor) {
        return property(EventProperties.ACTOR, actor);
    }

    public SitekeeperEvent occurredAt(Instant at) {
        return property(EventProperties.OCCURRED_AT, at.toString());
    }

    /** Any further property; {@code null} values are left out. */
    public SitekeeperEvent property(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (value != null) {
            properties.put(key, value);
        }
        return this;
    }

    /** The event; {@code occurred.at} must have been set. */
    public Event toEvent() {
        if (!properties.containsKey(EventProperties.OCCURRED_AT)) {
            throw new IllegalStateException("occurred.at is required on " + topic);
        }
        return new Event(topic, properties);
    }
}
