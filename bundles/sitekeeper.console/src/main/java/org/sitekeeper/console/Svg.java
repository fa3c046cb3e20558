package org.sitekeeper.console;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts, no scripts: horizontal bars and sparklines. */
public final class Svg {

    /** One bar: a label, a value and a colour kind (ok, warn, bad, info, muted). */
    public record Bar(String label, double value, String kind) {}

    private Svg() {}

    /** Horizontal bars scaled to the largest value, each labelled with its value. */
    public static String bars(List<Bar> bars, int width) {
        int rowHeight = 22;
        int labelWidth = 110;
        int valueWidth = 60;
        int plot = Math.max(20, width - labelWidth - valueWidth);
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder svg = new StringBuilder();
        int height = Math.max(rowHeight, bars.size() * rowHeight);
        svg.append("<svg class=\"sk-chart\" role=\"img\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\">");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * rowHeight;
            double length = max <= 0 ? 0 : plot * bar.value() / max;
            svg.append("<text x=\"0\" y=\"")
                    .append(y + 15)
                    .append("\" class=\"sk-chart-label\">")
                    .append(Html.esc(bar.label()))
                    .append("</text>");
            svg.append("<rect x=\"")
                    .append(labelWidth)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" width=\"")
                    .append(num(Math.max(bar.value() > 0 ? 2 : 0, length)))
                    .append("\" height=\"14\" rx=\"3\" class=\"sk-fill-")
                    .append(Html.esc(bar.kind()))
                    .append("\"/>");
            svg.append("<text x=\"")
                    .append(num(labelWidth + length + 6))
                    .append("\" y=\"")
                    .append(y + 15)
                    .append("\" class=\"sk-chart-value\">")
                    .append(num(bar.value()))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /** A line through {@code values}, oldest first, scaled to the box. */
    public static String sparkline(double[] values, int width, int height) {
        StringBuilder svg = new StringBuilder("<svg class=\"sk-chart\" role=\"img\" width=\"" + width + "\" height=\""
                + height + "\" viewBox=\"0 0 " + width + " " + height + "\">");
        if (values.length > 0) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double span = max - min == 0 ? 1 : max - min;
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                double x = values.length == 1 ? width / 2.0 : i * (width - 2) / (double) (values.length - 1) + 1;
                double y = height - 1 - (values[i] - min) / span * (height - 2);
                points.append(num(x)).append(',').append(num(y)).append(' ');
            }
            svg.append("<polyline fill=\"none\" class=\"sk-line\" points=\"")
                    .append(points.toString().strip())
                    .append("\"/>");
        }
        return svg.append("</svg>").toString();
    }

    static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
