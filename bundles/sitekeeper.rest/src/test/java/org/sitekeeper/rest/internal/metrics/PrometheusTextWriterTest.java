package org.sitekeeper.rest.internal.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sitekeeper.core.api.metrics.MetricsWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PrometheusTextWriterTest {

    private final StringBuilder out = new StringBuilder();
    private final PrometheusTextWriter writer = new PrometheusTextWriter(out);

    @Test
    void writesHelpTypeAndSamplesOfAFamily() {
        writer.family("uptime_monitors", "gauge", "Monitors by state")
                .sample("uptime_monitors", 12, "state", "up")
                .sample("uptime_monitors", 1, "state", "down", "site", "7");

        assertThat(out.toString())
                .isEqualTo("# HELP uptime_monitors Monitors by state\n"
                        + "# TYPE uptime_monitors gauge\n"
                        + "uptime_monitors{state=\"up\"} 12\n"
                        + "uptime_monitors{state=\"down\",site=\"7\"} 1\n");
    }

    @Test
    void writesASampleWithoutLabelsWithoutBraces() {
        writer.family("jobs_total", "counter", "Jobs").sample("jobs_total", 3);
        writer.family("temperature", "gauge", "T").sample("temperature", 1.5, (String[]) null);

        assertThat(out.toString())
                .isEqualTo("# HELP jobs_total Jobs\n# TYPE jobs_total counter\njobs_total 3\n"
                        + "# HELP temperature T\n# TYPE temperature gauge\ntemperature 1.5\n");
    }

    @Test
    void escapesBackslashAndLineFeedInHelpButNotQuotes() {
        writer.family("a", "gauge", "C:\\path\nsecond \"line\"");

        assertThat(out.toString()).startsWith("# HELP a C:\\\\path\\nsecond \"line\"\n");
    }

    @Test
    void escapesBackslashQuoteAndLineFeedInLabelValues() {
        writer.family("a", "gauge", "h").sample("a", 1, "name", "Shop \"A\"\\B\nC", "url", "https://x.example/?q={1}");

        assertThat(out.toString()).endsWith("a{name=\"Shop \\\"A\\\"\\\\B\\nC\",url=\"https://x.example/?q={1}\"} 1\n");
    }

    @Test
    void writesNullLabelValueAsEmptyAndKeepsUnicode() {
        writer.family("a", "gauge", "Größe ✓").sample("a", 1, "name", null, "city", "Zürich");

        assertThat(out.toString()).isEqualTo("# HELP a Größe ✓\n# TYPE a gauge\na{name=\"\",city=\"Zürich\"} 1\n");
    }

    @Test
    void leavesHelpOutWhenNull() {
        writer.family("a", "untyped", null).sample("a", 2);

        assertThat(out.toString()).isEqualTo("# TYPE a untyped\na 2\n");
    }

    @Test
    void acceptsTheTypeInAnyCaseAndWritesItLowerCase() {
        writer.family("a", " Counter ", "h");

        assertThat(out.toString()).contains("# TYPE a counter\n");
    }

    @Test
    void formatsValuesAsPrometheusSpellsThem() {
        assertThat(PrometheusTextWriter.format(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusTextWriter.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusTextWriter.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(PrometheusTextWriter.format(42.0)).isEqualTo("42");
        assertThat(PrometheusTextWriter.format(-3)).isEqualTo("-3");
        assertThat(PrometheusTextWriter.format(0.0)).isEqualTo("0");
        assertThat(PrometheusTextWriter.format(-0.0)).isEqualTo("0");
        assertThat(PrometheusTextWriter.format(0.25)).isEqualTo("0.25");
        assertThat(PrometheusTextWriter.format(1234567890123.0)).isEqualTo("1234567890123");
        assertThat(PrometheusTextWriter.format(9.007199254740991E15)).isEqualTo("9007199254740991");
        assertThat(PrometheusTextWriter.format(Double.MIN_VALUE)).isEqualTo("4.9E-324");
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-5, 0.1, 123.456, -7.25e-3, 1e20, 3.4e38, Double.MAX_VALUE, 1.0 / 3})
    void formatsOtherValuesExactlyAndParseably(double value) {
        String text = PrometheusTextWriter.format(value);

        assertThat(Double.parseDouble(text)).isEqualTo(value);
        assertThat(text).matches("-?[0-9]+(\\.[0-9]+)?(E-?[0-9]+)?");
    }

    @Test
    void writesSpecialValuesInSamples() {
        writer.family("a", "gauge", "h")
                .sample("a", Double.NaN, "k", "nan")
                .sample("a", Double.POSITIVE_INFINITY, "k", "inf")
                .sample("a", Double.NEGATIVE_INFINITY, "k", "-inf");

        assertThat(out.toString()).endsWith("a{k=\"nan\"} NaN\na{k=\"inf\"} +Inf\na{k=\"-inf\"} -Inf\n");
    }

    @Test
    void writesASummaryWithQuantilesSumAndCount() {
        writer.family("rpc_seconds", "summary", "RPC latency")
                .sample("rpc_seconds", 0.012, "method", "GET", "quantile", "0.5")
                .sample("rpc_seconds", 0.3, "method", "GET", "quantile", "0.99")
                .sample("rpc_seconds_sum", 12.5, "method", "GET")
                .sample("rpc_seconds_count", 1000, "method", "GET");

        assertThat(out.toString())
                .isEqualTo("# HELP rpc_seconds RPC latency\n# TYPE rpc_seconds summary\n"
                        + "rpc_seconds{method=\"GET\",quantile=\"0.5\"} 0.012\n"
                        + "rpc_seconds{method=\"GET\",quantile=\"0.99\"} 0.3\n"
                        + "rpc_seconds_sum{method=\"GET\"} 12.5\n"
                        + "rpc_seconds_count{method=\"GET\"} 1000\n");
    }

    @Test
    void writesAHistogramWithBucketsSumAndCount() {
        writer.family("size_bytes", "histogram", "Sizes")
                .sample("size_bytes_bucket", 1, "le", "100")
                .sample("size_bytes_bucket", 3, "le", "+Inf")
                .sample("size_bytes_sum", 250)
                .sample("size_bytes_count", 3);

        assertThat(out.toString())
                .isEqualTo("# HELP size_bytes Sizes\n# TYPE size_bytes histogram\n"
                        + "size_bytes_bucket{le=\"100\"} 1\n"
                        + "size_bytes_bucket{le=\"+Inf\"} 3\n"
                        + "size_bytes_sum 250\n"
                        + "size_bytes_count 3\n");
    }

    @Test
    void acceptsMetricNamesWithColonsAndUnderscores() {
        writer.family("_job:rate_5m", "gauge", "h").sample("_job:rate_5m", 1);

        assertThat(out.toString()).endsWith("_job:rate_5m 1\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1abc", "a-b", "a b", "a.b", "größe", "a{b}", "a\n"})
    void refusesBadMetricNames(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.family(name, "gauge", "h"))
                .withMessageContaining("not a valid metric name");
        assertThat(out).isEmpty();
    }

    @Test
    void refusesNullMetricName() {
        assertThatIllegalArgumentException().isThrownBy(() -> writer.family(null, "gauge", "h"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gauges", "info", "stateset", "gaugehistogram"})
    void refusesUnknownTypes(String type) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.family("a", type, "h"))
                .withMessageContaining("unknown type");
        assertThat(out).isEmpty();
    }

    @Test
    void refusesNullType() {
        assertThatIllegalArgumentException().isThrownBy(() -> writer.family("a", null, "h"));
    }

    @Test
    void refusesAFamilyWrittenTwiceEvenWithAnotherFamilyInBetween() {
        writer.family("a", "gauge", "h").sample("a", 1);
        writer.family("b", "gauge", "h");
        String before = out.toString();

        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.family("a", "gauge", "h"))
                .withMessageContaining("a is written twice");
        assertThatIllegalArgumentException().isThrownBy(() -> writer.family("a", "counter", "other help"));
        assertThat(out.toString()).isEqualTo(before);
    }

    @Test
    void refusesFamiliesWhoseSeriesCollide() {
        writer.family("lat", "summary", "h");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.family("lat_sum", "gauge", "h"))
                .withMessageContaining("written twice");
        assertThatIllegalArgumentException().isThrownBy(() -> writer.family("lat_count", "counter", "h"));

        writer.family("req_count", "gauge", "h");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.family("req", "summary", "h"))
                .withMessageContaining("would write req_count");

        writer.family("size", "histogram", "h");
        assertThatIllegalArgumentException().isThrownBy(() -> writer.family("size_bucket", "gauge", "h"));
        assertThat(writer.names())
                .contains("lat", "lat_sum", "lat_count", "req_count", "size", "size_bucket", "size_sum", "size_count");
    }

    @Test
    void refusesReservedNames() {
        PrometheusTextWriter source = new PrometheusTextWriter(out, Set.of("hub_total", "hub_seconds_sum"));

        assertThatIllegalArgumentException().isThrownBy(() -> source.family("hub_total", "counter", "h"));
        assertThatIllegalArgumentException().isThrownBy(() -> source.family("hub_seconds", "summary", "h"));
        source.family("hub_seconds", "gauge", "h"); // a gauge writes only its own name
        assertThat(out.toString()).isEqualTo("# HELP hub_seconds h\n# TYPE hub_seconds gauge\n");
    }

    @Test
    void refusesASampleBeforeAnyFamily() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.sample("a", 1))
                .withMessageContaining("before any metric family");
    }

    @Test
    void refusesASampleOutsideTheCurrentFamily() {
        writer.family("a", "gauge", "h").sample("a", 1);
        writer.family("b", "counter", "h");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.sample("a", 2))
                .withMessageContaining("outside the current metric family b");
        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("bb", 2));
        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("b_sum", 2));
        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample(null, 2));
        assertThat(out.toString()).endsWith("# TYPE b counter\n");
    }

    @Test
    void allowsOnlyTheSeriesOfTheFamilysType() {
        writer.family("s", "summary", "h");
        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("s_bucket", 1, "le", "1"));
        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("s_total", 1));

        writer.family("hist", "histogram", "h");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.sample("hist", 1))
                .withMessageContaining("outside");
        writer.sample("hist_count", 1).sample("hist_sum", 1);

        writer.family("c_total", "counter", "h");
        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("c_total_sum", 1));
    }

    @Test
    void requiresANumericQuantileOnASummarysQuantileSamples() {
        writer.family("s", "summary", "h");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.sample("s", 1))
                .withMessageContaining("needs the label quantile");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.sample("s", 1, "quantile", "median"))
                .withMessageContaining("must be a number");
        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("s", 1, "quantile", null));
        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("s", 1, "quantile", "0.5 "));
        writer.sample("s", 1, "quantile", "0.5")
                .sample("s", 1, "quantile", "1e-3")
                .sample("s", 1, "quantile", ".75")
                .sample("s_sum", 1)
                .sample("s_count", 1);
    }

    @Test
    void requiresANumericLeOnAHistogramsBuckets() {
        writer.family("h", "histogram", "h");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.sample("h_bucket", 1))
                .withMessageContaining("needs the label le");
        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("h_bucket", 1, "le", "many"));
        writer.sample("h_bucket", 1, "le", "0.1").sample("h_bucket", 1, "le", "+Inf");
    }

    @Test
    void refusesAnOddNumberOfLabelStrings() {
        writer.family("a", "gauge", "h");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.sample("a", 1, "state"))
                .withMessageContaining("pairs");
        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("a", 1, "state", "up", "site"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1a", "a:b", "a-b", "__name__", "__x", "é"})
    void refusesBadLabelNames(String label) {
        writer.family("a", "gauge", "h");
        String before = out.toString();

        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("a", 1, label, "v"));
        assertThat(out.toString()).isEqualTo(before);
    }

    @Test
    void refusesANullLabelNameAndARepeatedLabel() {
        writer.family("a", "gauge", "h");

        assertThatIllegalArgumentException().isThrownBy(() -> writer.sample("a", 1, null, "v"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.sample("a", 1, "k", "1", "j", "2", "k", "3"))
                .withMessageContaining("label k appears twice");
    }

    @Test
    void acceptsLabelNamesWithOneLeadingUnderscore() {
        writer.family("a", "gauge", "h").sample("a", 1, "_private", "v", "Le", "x");

        assertThat(out.toString()).endsWith("a{_private=\"v\",Le=\"x\"} 1\n");
    }

    @Test
    void rethrowsWriteFailuresUnchecked() {
        Writer broken = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        MetricsWriter failing = new PrometheusTextWriter(broken);

        assertThatThrownBy(() -> failing.family("a", "gauge", "h"))
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("connection reset");
    }

    /** The real parser and linter, when installed (CI installs Debian's prometheus package for it). */
    @Test
    void everyTypeWithAwkwardLabelsPassesPromtool() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool is not installed");
        writer.family("demo_requests_total", "counter", "Requests with \\ and\nnewline in help")
                .sample("demo_requests_total", 5, "path", "/a\"b\\c\nd", "code", "200")
                .sample("demo_requests_total", 0, "path", "", "code", "500");
        writer.family("demo_temperature_celsius", "gauge", "Gauges")
                .sample("demo_temperature_celsius", Double.NaN, "room", "a")
                .sample("demo_temperature_celsius", Double.NEGATIVE_INFINITY, "room", "b")
                .sample("demo_temperature_celsius", 1e-7, "room", "c");
        writer.family("demo_latency_seconds", "summary", "Summary")
                .sample("demo_latency_seconds", 0.5, "quantile", "0.5")
                .sample("demo_latency_seconds", Double.NaN, "quantile", "0.99")
                .sample("demo_latency_seconds_sum", 12.75)
                .sample("demo_latency_seconds_count", 4);
        writer.family("demo_size_bytes", "histogram", "Histogram")
                .sample("demo_size_bytes_bucket", 1, "le", "100")
                .sample("demo_size_bytes_bucket", 2, "le", "+Inf")
                .sample("demo_size_bytes_sum", 350)
                .sample("demo_size_bytes_count", 2);
        writer.family("demo_info", "untyped", "Untyped").sample("demo_info", 1, "version", "1.0");

        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue())
                .as("promtool said: %s%nabout:%n%s", report, out)
                .isZero();
    }
}
