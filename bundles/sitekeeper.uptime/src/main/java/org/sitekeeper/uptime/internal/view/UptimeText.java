package org.sitekeeper.uptime.internal.view;

import java.util.List;
import java.util.Locale;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.uptime.api.DailyBar;

/** How uptime figures read in the shell and the console. Plain Java. */
public final class UptimeText {

    /** The legend of {@link #bar}. */
    public static final String LEGEND = "█ ≥ 99.9 %, ▓ ≥ 99 %, ▒ ≥ 95 %, ░ below, · no data";

    private UptimeText() {}

    /** {@code [██▓·░…]}: one character a day, oldest first. */
    public static String bar(List<DailyBar> days) {
        StringBuilder out = new StringBuilder(days.size() + 2).append('[');
        for (DailyBar day : days) {
            out.append(DayLevel.of(day.uptimePercent()).symbol());
        }
        return out.append(']').toString();
    }

    /**
     * {@code 99.95 %} with two decimals, cut rather than rounded so that a day with one failure never reads
     * {@code 100.00 %}; exactly 100 reads {@code 100 %}; {@code -} without data.
     */
    public static String percent(Double value) {
        if (value == null || value.isNaN()) {
            return "-";
        }
        if (value >= 100.0) {
            return "100 %";
        }
        double cut = Math.floor(Math.max(0.0, value) * 100.0 + 1e-9) / 100.0;
        return String.format(Locale.ROOT, "%.2f %%", cut);
    }

    /** {@code 123 ms}, or {@code -} for none. */
    public static String millis(Integer value) {
        return value == null ? "-" : value + " ms";
    }

    /** An optional whole number a user typed for {@code field}, or {@code null} when absent. */
    public static Integer wholeNumber(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number");
        }
    }

    /** An optional id a user typed for {@code field}, or {@code null} when absent. */
    public static Long id(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(field, field + " must be a positive id");
    }
}
