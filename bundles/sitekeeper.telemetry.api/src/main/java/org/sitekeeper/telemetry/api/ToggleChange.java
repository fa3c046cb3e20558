package org.sitekeeper.telemetry.api;

/**
 * Sets an ops toggle (seed 002). {@code expires_at} (ISO-8601) is optional; {@code updated_by} is kept as the
 * caller's note of who asked, the author recorded is the authenticated caller. {@code rate_per_minute} applies to
 * {@code rate_limit} only (default: the hub's configured rate).
 */
public record ToggleChange(
        String toggleKey,
        Boolean toggleValue,
        String reason,
        String expiresAt,
        String updatedBy,
        Integer ratePerMinute) {}
