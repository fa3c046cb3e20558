package org.sitekeeper.uptime.internal.store;

/**
 * What one finished check changes: the result row, the monitor's verdict and schedule, and an incident opened
 * ({@link #OPEN}) or closed ({@link #CLOSE}). Written only while {@code token} still holds the monitor's lease.
 */
public record CheckWrite(
        long monitorId,
        String token,
        long checkedAt,
        String outcome,
        Integer responseMs,
        Integer statusCode,
        String cause,
        String detail,
        String verdict,
        int failures,
        int successes,
        Long streakStartedAt,
        long stateSince,
        boolean stateChanged,
        long nextDueAt,
        Long certExpiresAt,
        Integer certWarnedDays,
        int incident,
        Long siteId,
        Long openIncidentId,
        long incidentStartedAt) {

    public static final int NONE = 0;
    public static final int OPEN = 1;
    public static final int CLOSE = 2;
}
