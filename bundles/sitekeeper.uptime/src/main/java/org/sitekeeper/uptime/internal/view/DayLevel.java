package org.sitekeeper.uptime.internal.view;

/**
 * How good one day of uptime was, as the 30-day bars show it in the shell (one character a day) and in the
 * console (one coloured cell a day).
 */
public enum DayLevel {
    /** At least 99.9 %. */
    FULL('█', "ok", 1.0),
    /** At least 99 %. */
    HIGH('▓', "warn", 1.0),
    /** At least 95 %. */
    LOW('▒', "bad", 0.6),
    /** Below 95 %. */
    BAD('░', "bad", 1.0),
    /** No check counted that day. */
    NONE('·', "muted", 1.0);

    private final char symbol;
    private final String kind;
    private final double opacity;

    DayLevel(char symbol, String kind, double opacity) {
        this.symbol = symbol;
        this.kind = kind;
        this.opacity = opacity;
    }

    /** The level of a day's uptime percentage; {@code null} (no checks) is {@link #NONE}. */
    public static DayLevel of(Double uptimePercent) {
        if (uptimePercent == null || uptimePercent.isNaN()) {
            return NONE;
        }
        if (uptimePercent >= 99.9) {
            return FULL;
        }
        if (uptimePercent >= 99.0) {
            return HIGH;
        }
        if (uptimePercent >= 95.0) {
            return LOW;
        }
        return BAD;
    }

    /** The character of the shell bar. */
    public char symbol() {
        return symbol;
    }

    /** The console colour kind (ok, warn, bad, muted), as the shared look names them. */
    public String kind() {
        return kind;
    }

    /** Fill opacity of the console cell: a lighter red tells 95–99 % from worse days. */
    public double opacity() {
        return opacity;
    }
}
