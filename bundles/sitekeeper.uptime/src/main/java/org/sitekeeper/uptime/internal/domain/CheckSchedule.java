package org.sitekeeper.uptime.internal.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When monitors are due. Every monitor has a fixed phase within its interval, derived from its id, so 100,000
 * monitors of one interval are due evenly over it instead of all at once (no thundering herd after a restart or
 * an import), and a monitor keeps its slot whatever delays or manual checks happen in between.
 */
public final class CheckSchedule {

    private CheckSchedule() {}

    /** The monitor's offset within its interval, in milliseconds: well mixed, stable across restarts. */
    public static long phaseMillis(long monitorId, int intervalSeconds) {
        long interval = intervalMillis(intervalSeconds);
        long z = monitorId * 0x9E3779B97F4A7C15L; // Fibonacci hashing spreads consecutive ids evenly
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        z ^= z >>> 29;
        return Math.floorMod(z, interval);
    }

    /** The first slot of the monitor strictly after {@code after}. */
    public static Instant nextSlot(long monitorId, int intervalSeconds, Instant after) {
        long interval = intervalMillis(intervalSeconds);
        long phase = phaseMillis(monitorId, intervalSeconds);
        long t = after.toEpochMilli();
        long slot = Math.floorDiv(t - phase, interval) * interval + phase;
        while (slot <= t) {
            slot += interval;
        }
        return Instant.ofEpochMilli(slot);
    }

    /**
     * When to check next after a check finished at {@code now}: the first slot at least half an interval away (a
     * check on its slot is followed by the next slot; a check off the grid, such as a first or a manual one, does
     * not bring the next one closer than half an interval), or, while a streak waits to be confirmed, after the
     * confirmation delay (capped at half the interval) when that is sooner.
     */
    public static Instant nextDue(
            long monitorId, int intervalSeconds, Instant now, boolean confirmSoon, Duration confirmDelay) {
        Instant slot = nextSlot(monitorId, intervalSeconds, now.plusMillis(intervalMillis(intervalSeconds) / 2));
        if (!confirmSoon) {
            return slot;
        }
        Duration delay = confirmDelay;
        Duration half = Duration.ofMillis(intervalMillis(intervalSeconds) / 2);
        if (delay.compareTo(half) > 0) {
            delay = half;
        }
        Instant soon = now.plus(delay);
        return soon.isBefore(slot) ? soon : slot;
    }

    private static long intervalMillis(int intervalSeconds) {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("interval must be positive: " + intervalSeconds);
        }
        return intervalSeconds * 1000L;
    }
}
