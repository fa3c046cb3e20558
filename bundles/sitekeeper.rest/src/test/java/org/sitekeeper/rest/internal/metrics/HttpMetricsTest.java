package org.sitekeeper.rest.internal.metrics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpMetricsTest {

    private static final long MS = 1_000_000;

    private final HttpMetrics metrics = new HttpMetrics();

    private String text() {
        StringBuilder out = new StringBuilder();
        metrics.write(new PrometheusTextWriter(out));
        return out.toString();
    }

    @Test
    void withoutRequestsWritesEmptyFamiliesAndZeroInFlight() {
        assertThat(text())
                .isEqualTo(
                        "# HELP sitekeeper_http_requests_total REST requests under /api answered, by method and status.\n"
                                + "# TYPE sitekeeper_http_requests_total counter\n"
                                + "# HELP sitekeeper_http_request_duration_seconds Time to answer REST requests under /api, by"
                                + " method; quantiles over the last 4096 requests of each method.\n"
                                + "# TYPE sitekeeper_http_request_duration_seconds summary\n"
                                + "# HELP sitekeeper_http_requests_in_flight REST requests under /api being served now.\n"
                                + "# TYPE sitekeeper_http_requests_in_flight gauge\n"
                                + "sitekeeper_http_requests_in_flight 0\n");
    }

    @Test
    void countsByMethodAndStatus() {
        metrics.record("GET", 200, MS);
        metrics.record("GET", 200, MS);
        metrics.record("GET", 404, MS);
        metrics.record("POST", 201, MS);

        assertThat(text())
                .contains("sitekeeper_http_requests_total{method=\"GET\",status=\"200\"} 2\n"
                        + "sitekeeper_http_requests_total{method=\"GET\",status=\"404\"} 1\n"
                        + "sitekeeper_http_requests_total{method=\"POST\",status=\"201\"} 1\n");
    }

    @Test
    void summarisesLatencyPerMethodInSeconds() {
        for (int ms = 1; ms <= 100; ms++) {
            metrics.record("GET", 200, ms * MS);
        }
        metrics.record("DELETE", 204, 250 * MS);

        String text = text();
        assertThat(text)
                .contains("sitekeeper_http_request_duration_seconds{method=\"GET\",quantile=\"0.5\"} 0.05\n"
                        + "sitekeeper_http_request_duration_seconds{method=\"GET\",quantile=\"0.9\"} 0.09\n"
                        + "sitekeeper_http_request_duration_seconds{method=\"GET\",quantile=\"0.99\"} 0.099\n"
                        + "sitekeeper_http_request_duration_seconds_sum{method=\"GET\"} 5.05\n"
                        + "sitekeeper_http_request_duration_seconds_count{method=\"GET\"} 100\n")
                .contains("sitekeeper_http_request_duration_seconds{method=\"DELETE\",quantile=\"0.99\"} 0.25\n"
                        + "sitekeeper_http_request_duration_seconds_sum{method=\"DELETE\"} 0.25\n"
                        + "sitekeeper_http_request_duration_seconds_count{method=\"DELETE\"} 1\n")
                .doesNotContain("method=\"POST\"");
    }

    @Test
    void unknownMethodsAndStatusesShareOneSeriesEach() {
        metrics.record("FOO", 200, MS);
        metrics.record("BAR", 200, MS);
        metrics.record("get", 200, MS); // methods are case-sensitive
        metrics.record(null, 200, MS);
        metrics.record("GET", 99, MS);
        metrics.record("GET", 600, MS);
        metrics.record("GET", -1, MS);

        String text = text();
        assertThat(text)
                .contains("sitekeeper_http_requests_total{method=\"other\",status=\"200\"} 4\n")
                .contains("sitekeeper_http_requests_total{method=\"GET\",status=\"other\"} 3\n")
                .contains("sitekeeper_http_request_duration_seconds_count{method=\"other\"} 4\n");
        assertThat(text.lines().filter(l -> l.startsWith("sitekeeper_http_requests_total{")))
                .hasSize(2);
    }

    @Test
    void everyStatusFromHundredToFiveHundredNinetyNineHasItsOwnSeries() {
        metrics.record("GET", 100, MS);
        metrics.record("GET", 599, MS);

        assertThat(text())
                .contains("{method=\"GET\",status=\"100\"} 1\n")
                .contains("{method=\"GET\",status=\"599\"} 1\n");
    }

    @Test
    void tracksRequestsInFlight() {
        long first = metrics.started();
        long second = metrics.started();
        assertThat(metrics.inFlight()).isEqualTo(2);
        assertThat(text()).endsWith("sitekeeper_http_requests_in_flight 2\n");

        metrics.finished("GET", 200, first);
        metrics.finished("PUT", 409, second);

        assertThat(metrics.inFlight()).isZero();
        assertThat(text())
                .contains("sitekeeper_http_requests_total{method=\"PUT\",status=\"409\"} 1\n")
                .contains("sitekeeper_http_request_duration_seconds_count{method=\"GET\"} 1\n")
                .endsWith("sitekeeper_http_requests_in_flight 0\n");
    }

    @Test
    void concurrentRequestsAreAllCounted() throws Exception {
        int threads = 8;
        int each = 20_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int status = t % 2 == 0 ? 200 : 503;
            Thread worker = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    metrics.finished("GET", status, metrics.started());
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(text())
                .contains("sitekeeper_http_requests_total{method=\"GET\",status=\"200\"} 80000\n")
                .contains("sitekeeper_http_requests_total{method=\"GET\",status=\"503\"} 80000\n")
                .contains("sitekeeper_http_request_duration_seconds_count{method=\"GET\"} 160000\n")
                .endsWith("sitekeeper_http_requests_in_flight 0\n");
    }
}
