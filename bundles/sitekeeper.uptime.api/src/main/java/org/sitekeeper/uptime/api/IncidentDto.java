package org.sitekeeper.uptime.api;

import java.time.Instant;

/**
 * A time a monitor was down.
 *
 * @param startedAt the first failed check of the streak that confirmed it
 * @param endedAt the check that confirmed recovery, or {@code null} while open
 * @param durationSeconds until {@code endedAt}, or until now while open
 */
public record IncidentDto(
        long id,
        long monitorId,
        String monitorName,
        Long siteId,
        FailureCause cause,
        String detail,
        Instant startedAt,
        Instant endedAt,
        long durationSeconds) {

    public boolean open() {
        return endedAt == null;
    }
}
