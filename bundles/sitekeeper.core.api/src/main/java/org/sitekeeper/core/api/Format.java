package org.sitekeeper.core.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times and durations read in the shell and the console. */
public final class Format {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Format() {}

    /** {@code 2026-11-22 03:24:00Z}, or {@code -} for none. */
    public static String instant(Instant at) {
        return at == null ? "-" : UTC.format(at);
    }

    /** {@code just now}, {@code 5 min ago}, {@code 3 h ago}, {@code 2 d ago}; {@code never} for none. */
    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        Duration d = Duration.between(then, now);
        if (d.isNegative()) {
            return "in " + span(d.negated());
        }
        return d.toSeconds() < 60 ? "just now" : span(d) + " ago";
    }

    private static String span(Duration d) {
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 2) {
            return d.toHours() + " h";
        }
        return d.toDays() + " d";
    }

    /** {@code 850 ms}, {@code 1.2 s}, {@code 3 min}; {@code -} for none. */
    public static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        if (d.toMillis() < 59_950) { // below what would print as 60.0 s
            return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        return span(Duration.ofSeconds(Math.round(d.toMillis() / 1000.0)));
    }
}
