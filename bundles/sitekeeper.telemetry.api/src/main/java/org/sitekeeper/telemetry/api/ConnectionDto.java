package org.sitekeeper.telemetry.api;

import java.time.Instant;

/**
 * One bot token and the WordPress site reporting with it (seed 001). {@code status}: {@code connected} while the
 * last heartbeat is younger than the configured window, then {@code stale}; {@code never} before the first one;
 * {@code revoked} once its token is revoked. {@code last_sync} is the dashboard's "3 minutes ago".
 */
public record ConnectionDto(
        String id,
        String name,
        String tokenPrefix,
        String status,
        boolean wordpressConnected,
        String siteUrl,
        String pluginVersion,
        String wpVersion,
        Boolean isActive,
        Instant lastActivity,
        String lastSync,
        long heartbeats,
        String createdBy,
        Instant createdAt,
        Instant revokedAt) {}
