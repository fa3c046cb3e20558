package org.sitekeeper.notifications.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A configured channel as shown to staff: never its secrets, only which ones are set.
 *
 * @param config the settings without secrets
 * @param secretsSet names of the secret settings that have a value
 * @param lastDeliveryAt when the channel last tried to deliver, or {@code null}
 * @param lastDeliveryStatus {@code delivered}, {@code retrying} or {@code failed}, or {@code null}
 * @param lastError the last failure's reason, or {@code null}
 */
public record ChannelDto(
        long id,
        String type,
        String name,
        boolean enabled,
        Map<String, Object> config,
        List<String> secretsSet,
        Instant createdAt,
        Instant updatedAt,
        Instant lastDeliveryAt,
        String lastDeliveryStatus,
        String lastError) {}
