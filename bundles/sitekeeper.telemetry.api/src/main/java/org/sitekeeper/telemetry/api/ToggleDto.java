package org.sitekeeper.telemetry.api;

import java.time.Instant;

/** One setting of an ops toggle; the newest unexpired setting of a key is in force. */
public record ToggleDto(
        long id,
        String pluginId,
        String toggleKey,
        boolean toggleValue,
        String reason,
        Instant expiresAt,
        String updatedBy,
        Integer ratePerMinute,
        Instant createdAt,
        boolean active) {}
