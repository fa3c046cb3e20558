package org.sitekeeper.telemetry.internal.domain;

/**
 * An installation's error rate: the share of its events in a window (24 h by default) that report a failure —
 * {@code payment_failed} and {@code error} events, and any event of severity {@code error} or {@code critical} — in
 * percent with two decimals; 0 when it sent no events. Seed 002's dashboard shows it as "2.5%"; an installation
 * above {@link #HIGH} counts as having a high error rate.
 */
public final class ErrorRate {

    /** Seed 002: "error rate > 5%". */
    public static final double HIGH = 5.0;

    private ErrorRate() {}

    /** Whether an event of this type and severity reports a failure. */
    public static boolean isFailure(String eventType, String severity) {
        return "payment_failed".equals(eventType)
                || "error".equals(eventType)
                || "error".equals(severity)
                || "critical".equals(severity);
    }

    /** {@code failures} of {@code events} in percent, rounded half up to two decimals. */
    public static double percent(long failures, long events) {
        if (events <= 0 || failures <= 0) {
            return 0.0;
        }
        long f = Math.min(failures, events);
        return Math.round(f * 10_000.0 / events) / 100.0;
    }
}
