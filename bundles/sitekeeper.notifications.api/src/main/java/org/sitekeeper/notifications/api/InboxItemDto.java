package org.sitekeeper.notifications.api;

import java.time.Instant;

/** A notification in the in-app inbox that staff read and acknowledge. */
public record InboxItemDto(
        long id,
        String title,
        String message,
        String severity,
        String topic,
        Long siteId,
        String link,
        Instant createdAt,
        Instant acknowledgedAt,
        String acknowledgedBy) {}
