package org.sitekeeper.telemetry.internal.domain;

import java.time.Duration;
import java.time.Instant;

/** Seed 001's "Last sync: 3 minutes ago". */
public final class TimeAgo {

    private TimeAgo() {}

    /** How long ago {@code then} was at {@code now}, in words; {@code "never"} for null. */
    public static String format(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return plural(s / 60, "minute");
        }
        if (s < 86_400) {
            return plural(s / 3600, "hour");
        }
        return plural(s / 86_400, "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s") + " ago";
    }
}
