package org.sitekeeper.uptime.internal.console;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.sitekeeper.console.Html;
import org.sitekeeper.core.api.Format;
import org.sitekeeper.uptime.api.DailyBar;
import org.sitekeeper.uptime.internal.view.DayLevel;
import org.sitekeeper.uptime.internal.view.UptimeText;

/**
 * The uptime page's inline SVG: the daily uptime bar and the response-time sparkline. No scripts and no style
 * attributes (colours come from the shared classes), so the pages stay within a strict Content-Security-Policy.
 */
final class UptimeCharts {

    static final int CELL_WIDTH = 10;
    static final int CELL_GAP = 2;
    static final int CELL_HEIGHT = 28;

    private UptimeCharts() {}

    /** One cell a day, oldest left, coloured by {@link DayLevel}, the day's figures in a tooltip. */
    static String dayBar(List<DailyBar> days) {
        int width = Math.max(1, days.size() * (CELL_WIDTH + CELL_GAP) - CELL_GAP);
        StringBuilder svg = new StringBuilder("<svg class=\"sk-chart sk-days\" role=\"img\" aria-label=\"Uptime of the"
                + " last " + days.size() + " days\" width=\"" + width + "\" height=\"" + CELL_HEIGHT
                + "\" viewBox=\"0 0 " + width + " " + CELL_HEIGHT + "\">");
        for (int i = 0; i < days.size(); i++) {
            DailyBar day = days.get(i);
            DayLevel level = DayLevel.of(day.uptimePercent());
            svg.append("<rect x=\"")
                    .append(i * (CELL_WIDTH + CELL_GAP))
                    .append("\" y=\"0\" width=\"")
                    .append(CELL_WIDTH)
                    .append("\" height=\"")
                    .append(CELL_HEIGHT)
                    .append("\" rx=\"2\" class=\"sk-fill-")
                    .append(level.kind())
                    .append('"');
            if (level.opacity() < 1.0) {
                svg.append(" fill-opacity=\"").append(num(level.opacity())).append('"');
            }
            svg.append(" data-day=\"")
                    .append(day.day())
                    .append("\" data-level=\"")
                    .append(level.name().toLowerCase(Locale.ROOT))
                    .append("\"><title>")
                    .append(Html.esc(tooltip(day)))
                    .append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    /** {@code 2026-01-31: 99.95 % up, 288 checks, avg 120 ms, down about 43 s}. */
    static String tooltip(DailyBar day) {
        if (day.uptimePercent() == null) {
            return day.day() + ": no data";
        }
        StringBuilder text = new StringBuilder()
                .append(day.day())
                .append(": ")
                .append(UptimeText.percent(day.uptimePercent()))
                .append(" up, ")
                .append(day.checks())
                .append(day.checks() == 1 ? " check" : " checks");
        if (day.avgResponseMs() != null) {
            text.append(", avg ").append(day.avgResponseMs()).append(" ms");
        }
        if (day.downSeconds() > 0) {
            text.append(", down about ").append(Format.duration(Duration.ofSeconds(day.downSeconds())));
        }
        return text.toString();
    }

    /**
     * A line through response times (oldest first) in a {@code width} × {@code height} box, inset by a pixel so the
     * stroke stays inside. The vertical scale starts at zero, so steady answers draw a flat line instead of
     * jitter blown up to the full height.
     */
    static String sparkline(List<Integer> millis, int width, int height) {
        StringBuilder svg = new StringBuilder("<svg class=\"sk-chart sk-sparkline\" role=\"img\" width=\"" + width
                + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">");
        if (!millis.isEmpty()) {
            svg.append("<title>")
                    .append(Html.esc(summary(millis)))
                    .append("</title><path fill=\"none\" class=\"sk-line\" d=\"")
                    .append(path(millis, width, height))
                    .append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** The path data: {@code M x,y L x,y …}. */
    static String path(List<Integer> millis, int width, int height) {
        int n = millis.size();
        double max = millis.stream().mapToInt(Integer::intValue).max().orElse(0);
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? width / 2.0 : 1 + i * (width - 2) / (double) (n - 1);
            double value = Math.max(0, millis.get(i));
            double y = max <= 0 ? height - 1 : height - 1 - value / max * (height - 2);
            d.append(i == 0 ? "M" : " L").append(num(x)).append(',').append(num(y));
        }
        return d.toString();
    }

    /** {@code 100 successful checks: min 80 ms, avg 120 ms, max 900 ms}. */
    static String summary(List<Integer> millis) {
        int min = millis.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = millis.stream().mapToInt(Integer::intValue).max().orElse(0);
        long avg =
                Math.round(millis.stream().mapToInt(Integer::intValue).average().orElse(0));
        return millis.size() + (millis.size() == 1 ? " successful check" : " successful checks") + ": min " + min
                + " ms, avg " + avg + " ms, max " + max + " ms";
    }

    static String num(double value) {
        double rounded = Math.round(value * 10.0) / 10.0;
        return rounded == Math.rint(rounded)
                ? Long.toString((long) rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }
}
