package org.sitekeeper.telemetry.internal.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.StringJoiner;

import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.InstallationDto;

/** How telemetry reads as plain text, in the console pages and the shell alike (no HTML here). */
public final class TelemetryText {

    /** What the version column says when an installation has not reported its version. */
    public static final String NO_VERSION = "-";

    private TelemetryText() {}

    /**
     * Seed 002's {@code 1.2.0 → 1.3.5} while a newer version is registered for the installation's CMS; just the
     * installed version when it is up to date or when no version of its CMS is registered.
     */
    public static String version(InstallationDto i) {
        return version(i.pluginVersion(), i.latestVersion(), behind(i));
    }

    public static String version(String installed, String latest, boolean behind) {
        if (installed == null || installed.isBlank()) {
            return NO_VERSION;
        }
        if (behind && latest != null && !latest.isBlank()) {
            return installed + " → " + latest;
        }
        return installed;
    }

    /** Whether a newer version than the installed one is registered (an upgrade type is known, or it is outdated). */
    public static boolean behind(InstallationDto i) {
        return i.latestVersion() != null && (i.upgradeType() != null || "outdated".equals(i.status()));
    }

    /** {@code 1.23 %}, {@code 0.5 %}, {@code 5 %}: at most two decimals, no trailing zeros. */
    public static String percent(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0 %";
        }
        return rounded.toPlainString() + " %";
    }

    /**
     * Seed 001's {@code Last sync: 3 minutes ago} from the connection's own {@code last_sync}; {@code Never synced}
     * before the first heartbeat.
     */
    public static String lastSync(ConnectionDto c) {
        return c.lastActivity() == null ? "Never synced" : "Last sync: " + c.lastSync();
    }

    /** The merchant's name, or its id when the key was issued without one. */
    public static String merchant(InstallationDto i) {
        return i.merchantName() == null || i.merchantName().isBlank() ? i.merchantId() : i.merchantName();
    }

    /** {@code -} for no text. */
    public static String dash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    /** Line breaks and tabs folded into single spaces; {@code null} gives an empty string. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** The first line of a stack trace (the exception and its message); empty for none. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return (end < 0 ? stripped : stripped.substring(0, end)).strip();
    }

    /** At most {@code max} characters, ending in {@code …} when cut. */
    public static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** Event data or server info as {@code key=value, key=value} (nested values as they print), cut to {@code max}. */
    public static String pairs(Map<String, Object> values, int max) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        StringJoiner text = new StringJoiner(", ");
        values.forEach((key, value) -> text.add(key + "=" + value));
        return cut(oneLine(text.toString()), max);
    }

    /** Text a user typed, or {@code null} when it is empty. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
