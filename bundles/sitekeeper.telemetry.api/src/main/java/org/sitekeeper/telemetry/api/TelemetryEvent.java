package org.sitekeeper.telemetry.api;

import java.util.Map;

/**
 * An event a plugin reports (seed 002): {@code event_type} one of {@code payment_success}, {@code payment_failed},
 * {@code error}, {@code warning}, {@code info}; {@code severity} {@code debug|info|warning|error|critical}
 * (defaults from the type). {@code event_id}, when given, makes the event idempotent for that installation.
 */
public record TelemetryEvent(
        String merchantId,
        String cms,
        String siteUrl,
        String eventId,
        String eventType,
        Map<String, Object> eventData,
        String severity,
        String stackTrace,
        String occurredAt) {}
