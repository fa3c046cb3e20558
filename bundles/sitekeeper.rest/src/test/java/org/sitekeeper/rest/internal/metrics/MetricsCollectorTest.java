package org.sitekeeper.rest.internal.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.metrics.MetricsSource;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsCollectorTest {

    private final HttpMetrics http = new HttpMetrics();
    private final List<MetricsCollector.Named> sources = new ArrayList<>();
    private final MetricsCollector collector = new MetricsCollector(http, () -> sources);

    private static MetricsCollector.Named named(String name, MetricsSource source) {
        return new MetricsCollector.Named(name, source);
    }

    private static MetricsSource gauge(String family, double value) {
        return out -> out.family(family, "gauge", family + " help").sample(family, value);
    }

    @Test
    void writesTheHubsFamiliesThenEachSourceInOrderThenTheSourceErrors() {
        http.record("GET", 200, 1_000_000);
        sources.add(named("b.Second", gauge("b_value", 2)));
        sources.add(named("a.First", gauge("a_value", 1)));

        String text = collector.scrape();

        assertThat(text.indexOf("# HELP sitekeeper_http_requests_total "))
                .isZero()
                .isLessThan(text.indexOf("# TYPE sitekeeper_http_requests_in_flight"));
        assertThat(text.indexOf("b_value 2\n"))
                .isGreaterThan(text.indexOf("sitekeeper_http_requests_in_flight 0\n"))
                .isLessThan(text.indexOf("a_value 1\n"));
        assertThat(text)
                .endsWith("# HELP sitekeeper_metrics_source_errors_total Scrapes of /metrics that left a metrics"
                        + " source out because it failed.\n"
                        + "# TYPE sitekeeper_metrics_source_errors_total counter\n"
                        + "sitekeeper_metrics_source_errors_total{source=\"a.First\"} 0\n"
                        + "sitekeeper_metrics_source_errors_total{source=\"b.Second\"} 0\n");
    }

    @Test
    void withoutSourcesWritesTheHubsFamiliesAndAnEmptyErrorFamily() {
        String text = collector.scrape();

        assertThat(text)
                .startsWith("# HELP sitekeeper_http_requests_total")
                .endsWith("# TYPE sitekeeper_metrics_source_errors_total counter\n");
    }

    @Test
    void aSourceThatThrowsHalfWayIsLeftOutEntirelyAndCounted() {
        AtomicBoolean broken = new AtomicBoolean(true);
        sources.add(named("good", gauge("good_value", 1)));
        sources.add(named("flaky", out -> {
            out.family("flaky_value", "gauge", "h").sample("flaky_value", 1);
            if (broken.get()) {
                throw new IllegalStateException("database down");
            }
            out.family("flaky_other", "gauge", "h").sample("flaky_other", 2);
        }));
        sources.add(named("after", gauge("after_value", 3)));

        String first = collector.scrape();
        String second = collector.scrape();

        for (String text : List.of(first, second)) {
            assertThat(text).contains("good_value 1\n", "after_value 3\n").doesNotContain("flaky_value");
        }
        assertThat(first).contains("sitekeeper_metrics_source_errors_total{source=\"flaky\"} 1\n");
        assertThat(second)
                .contains("sitekeeper_metrics_source_errors_total{source=\"flaky\"} 2\n")
                .contains("sitekeeper_metrics_source_errors_total{source=\"good\"} 0\n");

        broken.set(false);
        String recovered = collector.scrape();

        assertThat(recovered)
                .contains("flaky_value 1\n", "flaky_other 2\n")
                .contains("sitekeeper_metrics_source_errors_total{source=\"flaky\"} 2\n");
    }

    @Test
    void aSourceWritingABadSampleIsLeftOut() {
        sources.add(named("bad", out -> out.family("bad_value", "gauge", "h").sample("bad_value", 1, "odd")));

        String text = collector.scrape();

        assertThat(text).doesNotContain("bad_value").contains("{source=\"bad\"} 1\n");
    }

    @Test
    void aSourceThatCannotLoadAClassIsLeftOut() {
        sources.add(named("gone", out -> {
            throw new NoClassDefFoundError("org/example/Gone");
        }));

        assertThat(collector.scrape()).contains("{source=\"gone\"} 1\n");
    }

    @Test
    void aSourceMayNotWriteTheHubsFamiliesOrAnotherSourcesFamily() {
        sources.add(named("first", gauge("shared_value", 1)));
        sources.add(named("copycat", gauge("shared_value", 2)));
        sources.add(named("impostor", out -> out.family("sitekeeper_http_requests_total", "counter", "h")));
        sources.add(named("sneaky", out -> out.family("sitekeeper_metrics_source_errors_total", "counter", "h")));
        sources.add(
                named("summary", out -> out.family("sitekeeper_http_request_duration_seconds_count", "gauge", "h")));

        String text = collector.scrape();

        assertThat(text).contains("shared_value 1\n").doesNotContain("shared_value 2");
        assertThat(text.lines().filter(l -> l.startsWith("# TYPE sitekeeper_http_requests_total")))
                .hasSize(1);
        assertThat(text)
                .contains(
                        "{source=\"copycat\"} 1\n",
                        "{source=\"impostor\"} 1\n",
                        "{source=\"sneaky\"} 1\n",
                        "{source=\"summary\"} 1\n",
                        "{source=\"first\"} 0\n");
    }

    @Test
    void errorsOfASourceThatWentAwayStayCounted() {
        sources.add(named("leaving", out -> {
            throw new IllegalStateException("no");
        }));
        collector.scrape();
        sources.clear();

        assertThat(collector.scrape()).endsWith("sitekeeper_metrics_source_errors_total{source=\"leaving\"} 1\n");
    }
}
