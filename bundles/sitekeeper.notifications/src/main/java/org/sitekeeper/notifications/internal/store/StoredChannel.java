package org.sitekeeper.notifications.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.sitekeeper.notifications.api.ChannelDto;

/**
 * A channel as stored: plain settings, and the secret ones sealed (each for its own context, see
 * {@link #secretContext}).
 */
public record StoredChannel(
        long id,
        String type,
        String name,
        boolean enabled,
        Map<String, Object> config,
        Map<String, String> sealedSecrets,
        Instant createdAt,
        Instant updatedAt,
        Instant lastDeliveryAt,
        String lastDeliveryStatus,
        String lastError) {

    public StoredChannel {
        config = Map.copyOf(config);
        sealedSecrets = Map.copyOf(sealedSecrets);
    }

    /** The context a channel's secret is sealed for, so a sealed value cannot be moved to another row or field. */
    public static String secretContext(long channelId, String field) {
        return "notifications.channel:" + channelId + ":" + field;
    }

    public ChannelDto toDto() {
        return new ChannelDto(
                id,
                type,
                name,
                enabled,
                config,
                sealedSecrets.keySet().stream().sorted().toList(),
                createdAt,
                updatedAt,
                lastDeliveryAt,
                lastDeliveryStatus,
                lastError);
    }

    static StoredChannel of(ChannelEntity e) {
        return new StoredChannel(
                e.id,
                e.type,
                e.name,
                e.enabled,
                Json.read(e.config, ChannelStore.MAP),
                e.secrets == null ? Map.of() : Json.read(e.secrets, ChannelStore.SECRETS),
                Instant.ofEpochMilli(e.createdAt),
                Instant.ofEpochMilli(e.updatedAt),
                e.lastDeliveryAt == null ? null : Instant.ofEpochMilli(e.lastDeliveryAt),
                e.lastDeliveryStatus,
                e.lastError);
    }

    /** The names of the secret settings that are set. */
    public List<String> secretNames() {
        return sealedSecrets.keySet().stream().sorted().toList();
    }
}
