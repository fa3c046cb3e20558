package org.sitekeeper.telemetry.internal.store;

/** One scrubbed event to write. */
public record EventWrite(
        String installationId,
        String eventId,
        String eventType,
        String severity,
        boolean failure,
        String eventData,
        String stackTrace,
        long occurredAt,
        long receivedAt) {}
