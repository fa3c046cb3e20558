package org.sitekeeper.notifications.internal.store;

import java.time.Instant;
import java.util.List;

/**
 * A message to put in the outbox (status {@code pending}) or to record as suppressed.
 *
 * @param groupKey deliveries with the same key that are due together go out as one message; {@code null} never
 *     groups
 * @param note why it was suppressed, for the log
 */
public record NewDelivery(
        Long alertId,
        String alertKey,
        String topic,
        String severity,
        Long siteId,
        String kind,
        Long ruleId,
        long channelId,
        List<String> recipients,
        String subject,
        StoredMessage message,
        String status,
        Long suppressedBy,
        String note,
        String groupKey,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deadline) {

    public NewDelivery {
        recipients = List.copyOf(recipients);
    }
}
