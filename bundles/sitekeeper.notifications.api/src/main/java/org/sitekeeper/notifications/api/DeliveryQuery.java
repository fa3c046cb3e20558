package org.sitekeeper.notifications.api;

import java.time.Instant;

import org.sitekeeper.core.api.PageRequest;

/** Filters over the delivery log, newest first; {@code null} does not filter. */
public record DeliveryQuery(
        String status,
        Long channelId,
        String alertKey,
        String topicPrefix,
        Long siteId,
        Instant since,
        PageRequest page) {}
