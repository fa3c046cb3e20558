package org.sitekeeper.rest.internal.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.sitekeeper.core.api.metrics.MetricsWriter;

/**
 * The Prometheus text exposition format, version 0.0.4, written line by line to an {@link Appendable}.
 *
 * <p>What it refuses, with an {@link IllegalArgumentException} and before writing anything of the call: a metric
 * name outside {@code [a-zA-Z_:][a-zA-Z0-9_:]*}; a type other than counter, gauge, summary, histogram or untyped; a
 * family written twice or whose name (or, for summaries and histograms, whose {@code _sum}, {@code _count} or
 * {@code _bucket} series) collides with a family already written or {@linkplain #PrometheusTextWriter(Appendable,
 * Set) reserved}; a sample before any family or of another family; a label name outside
 * {@code [a-zA-Z_][a-zA-Z0-9_]*}, starting with {@code __} (reserved by Prometheus) or repeated within a sample; an
 * odd number of label strings; a summary's quantile sample without a numeric {@code quantile} label and a
 * histogram's bucket without a numeric {@code le} label (Prometheus refuses both when it parses the scrape).
 *
 * <p>What it writes: help texts with {@code \} and line feeds escaped, label values with {@code \}, {@code "} and
 * line feeds escaped ({@code null} is written as the empty value, which Prometheus treats as an absent label),
 * values as Prometheus spells them: {@code NaN}, {@code +Inf}, {@code -Inf}, whole numbers without a fraction,
 * anything else as Java's shortest exact decimal. Not thread-safe: one writer per scrape.
 *
 * <p>{@link IOException}s of the target are rethrown as {@link UncheckedIOException}.
 */
public final class PrometheusTextWriter implements MetricsWriter {

    /** The content type of a scrape in this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** What Go's {@code strconv.ParseFloat} (which Prometheus uses for {@code quantile} and {@code le}) accepts. */
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?(?:(?i:inf|infinity|nan)|(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)");

    private static final Set<String> TYPES = Set.of("counter", "gauge", "summary", "histogram", "untyped");
    private static final List<String> SUMMARY_SUFFIXES = List.of("", "_sum", "_count");
    private static final List<String> HISTOGRAM_SUFFIXES = List.of("", "_bucket", "_sum", "_count");
    /** Below this magnitude every whole double is exact as a long. */
    private static final double EXACT_LONG = 9.007199254740992E15;

    private final Appendable out;
    private final Set<String> reserved;
    private final Set<String> taken = new LinkedHashSet<>();
    private String family;
    private String type;

    /** A writer whose families may use any name. */
    public PrometheusTextWriter(Appendable out) {
        this(out, Set.of());
    }

    /**
     * A writer that refuses the {@code reserved} series names as well, e.g. those another writer of the same scrape
     * has already {@linkplain #names() used}.
     */
    public PrometheusTextWriter(Appendable out, Set<String> reserved) {
        this.out = out;
        this.reserved = Set.copyOf(reserved);
    }

    /** Every series name the families written so far use (for summaries and histograms with their suffixes). */
    public Set<String> names() {
        return Collections.unmodifiableSet(taken);
    }

    @Override
    public MetricsWriter family(String name, String type, String help) {
        checkMetricName(name);
        String kind = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(kind)) {
            throw new IllegalArgumentException("metric family " + name + ": unknown type '" + type
                    + "' (counter, gauge, summary, histogram or untyped)");
        }
        List<String> series = seriesOf(name, kind);
        for (String s : series) {
            if (taken.contains(s) || reserved.contains(s)) {
                throw new IllegalArgumentException(
                        s.equals(name)
                                ? "metric family " + name + " is written twice"
                                : "metric family " + name + " would write " + s + ", which another family uses");
            }
        }
        StringBuilder lines = new StringBuilder(64 + (help == null ? 0 : help.length()));
        if (help != null) {
            lines.append("# HELP ").append(name).append(' ');
            escapeHelp(help, lines);
            lines.append('\n');
        }
        lines.append("# TYPE ").append(name).append(' ').append(kind).append('\n');
        write(lines);
        taken.addAll(series);
        this.family = name;
        this.type = kind;
        return this;
    }

    private static List<String> seriesOf(String name, String type) {
        List<String> suffixes =
                switch (type) {
                    case "summary" -> SUMMARY_SUFFIXES;
                    case "histogram" -> HISTOGRAM_SUFFIXES;
                    default -> List.of("");
                };
        return suffixes.stream().map(suffix -> name + suffix).toList();
    }

    @Override
    public MetricsWriter sample(String name, double value, String... labels) {
        if (family == null) {
            throw new IllegalArgumentException("sample " + name + " before any metric family");
        }
        String suffix = suffixOf(name);
        String[] pairs = labels == null ? new String[0] : labels;
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "sample " + name + ": labels must come as name, value pairs (got " + pairs.length + " strings)");
        }
        for (int i = 0; i < pairs.length; i += 2) {
            checkLabelName(name, pairs[i]);
            for (int j = 0; j < i; j += 2) {
                if (pairs[j].equals(pairs[i])) {
                    throw new IllegalArgumentException("sample " + name + ": label " + pairs[i] + " appears twice");
                }
            }
        }
        if (type.equals("summary") && suffix.isEmpty()) {
            requireNumericLabel(name, pairs, "quantile");
        } else if (type.equals("histogram") && suffix.equals("_bucket")) {
            requireNumericLabel(name, pairs, "le");
        }
        StringBuilder line = new StringBuilder(name.length() + 16 + pairs.length * 16);
        line.append(name);
        if (pairs.length > 0) {
            line.append('{');
            for (int i = 0; i < pairs.length; i += 2) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(pairs[i]).append("=\"");
                escapeLabelValue(pairs[i + 1], line);
                line.append('"');
            }
            line.append('}');
        }
        line.append(' ').append(format(value)).append('\n');
        write(line);
        return this;
    }

    /** The part of {@code name} after the current family's name, if this family may write it. */
    private String suffixOf(String name) {
        if (name == null || !name.startsWith(family)) {
            throw outside(name);
        }
        String suffix = name.substring(family.length());
        List<String> allowed =
                switch (type) {
                    case "summary" -> SUMMARY_SUFFIXES;
                    case "histogram" -> List.of("_bucket", "_sum", "_count");
                    default -> List.of("");
                };
        if (!allowed.contains(suffix)) {
            throw outside(name);
        }
        return suffix;
    }

    private IllegalArgumentException outside(String name) {
        return new IllegalArgumentException(
                "sample " + name + " is outside the current metric family " + family + " (" + type + ")");
    }

    private static void requireNumericLabel(String sample, String[] pairs, String label) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(label)) {
                String value = pairs[i + 1];
                if (value == null || !FLOAT.matcher(value).matches()) {
                    throw new IllegalArgumentException(
                            "sample " + sample + ": label " + label + " must be a number, not '" + value + "'");
                }
                return;
            }
        }
        throw new IllegalArgumentException("sample " + sample + " needs the label " + label);
    }

    private static void checkMetricName(String name) {
        if (name == null || !METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
        }
    }

    private static void checkLabelName(String sample, String label) {
        if (label == null || !LABEL_NAME.matcher(label).matches()) {
            throw new IllegalArgumentException(
                    "sample " + sample + ": '" + label + "' is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*)");
        }
        if (label.startsWith("__")) {
            throw new IllegalArgumentException(
                    "sample " + sample + ": label names starting with __ are reserved (" + label + ")");
        }
    }

    /** {@code \} and line feed escaped, as the format wants help texts. */
    static void escapeHelp(String help, StringBuilder to) {
        for (int i = 0; i < help.length(); i++) {
            char c = help.charAt(i);
            switch (c) {
                case '\\' -> to.append("\\\\");
                case '\n' -> to.append("\\n");
                default -> to.append(c);
            }
        }
    }

    /** {@code \}, {@code "} and line feed escaped, as the format wants label values. */
    static void escapeLabelValue(String value, StringBuilder to) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> to.append("\\\\");
                case '"' -> to.append("\\\"");
                case '\n' -> to.append("\\n");
                default -> to.append(c);
            }
        }
    }

    /** A sample value as Prometheus spells it. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_LONG) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
