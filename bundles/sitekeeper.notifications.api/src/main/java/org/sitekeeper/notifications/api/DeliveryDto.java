package org.sitekeeper.notifications.api;

import java.time.Instant;
import java.util.List;

/**
 * One message in the delivery log (and the outbox while pending).
 *
 * @param kind {@code alert}, {@code recovery}, {@code repeat}, {@code direct} or {@code test}
 * @param status {@code pending}, {@code delivered}, {@code failed}, {@code suppressed} (silenced; kept for the
 *     record) or {@code grouped} (sent as part of delivery {@code groupedInto})
 * @param attemptLog every attempt, oldest first (in the detail view; empty in lists)
 */
public record DeliveryDto(
        long id,
        String alertKey,
        String topic,
        String severity,
        String kind,
        Long ruleId,
        long channelId,
        String channelName,
        List<String> recipients,
        String subject,
        String status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String lastError,
        Long suppressedBy,
        Long groupedInto,
        List<AttemptDto> attemptLog) {

    /** One delivery attempt. */
    public record AttemptDto(Instant at, String outcome, String detail, long durationMillis) {}
}
