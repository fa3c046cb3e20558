package org.sitekeeper.telemetry.api;

import java.time.Instant;
import java.util.Map;

/** A stored event, scrubbed of card numbers and secrets. */
public record EventDto(
        long id,
        String installationId,
        String eventId,
        String eventType,
        String severity,
        Map<String, Object> eventData,
        String stackTrace,
        Instant occurredAt,
        Instant receivedAt) {}
