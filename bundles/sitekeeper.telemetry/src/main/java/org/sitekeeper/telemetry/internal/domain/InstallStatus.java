package org.sitekeeper.telemetry.internal.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an installation stands, in the order that decides it: blocked by ops; {@code error} when it has not sent a
 * heartbeat for longer than the stale limit (48 h by default, seed 002's "stale"); outdated when a newer version is
 * registered; else active.
 */
public enum InstallStatus {
    ACTIVE("active"),
    OUTDATED("outdated"),
    BLOCKED("blocked"),
    ERROR("error");

    /** Seed 002: no heartbeat for more than 48 hours. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(48);

    private final String wireName;

    InstallStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether the last heartbeat is older than {@code staleAfter} at {@code now} (never heard of: stale). */
    public static boolean isStale(Instant lastHeartbeat, Instant now, Duration staleAfter) {
        return lastHeartbeat == null || Duration.between(lastHeartbeat, now).compareTo(staleAfter) > 0;
    }

    public static InstallStatus of(
            boolean blocked, Instant lastHeartbeat, Instant now, Duration staleAfter, boolean outdated) {
        if (blocked) {
            return BLOCKED;
        }
        if (isStale(lastHeartbeat, now, staleAfter)) {
            return ERROR;
        }
        return outdated ? OUTDATED : ACTIVE;
    }
}
