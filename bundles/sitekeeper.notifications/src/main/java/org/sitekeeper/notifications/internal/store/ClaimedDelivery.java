package org.sitekeeper.notifications.internal.store;

import java.time.Instant;
import java.util.List;

/** A delivery this node has leased to send now. */
public record ClaimedDelivery(
        long id,
        long channelId,
        String kind,
        String alertKey,
        List<String> recipients,
        String subject,
        StoredMessage message,
        int attempts,
        Instant createdAt,
        Instant deadline,
        String token) {

    public ClaimedDelivery {
        recipients = List.copyOf(recipients);
    }
}
