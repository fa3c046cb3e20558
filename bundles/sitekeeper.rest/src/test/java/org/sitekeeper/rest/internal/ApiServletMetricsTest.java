package org.sitekeeper.rest.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sitekeeper.rest.internal.metrics.HttpMetrics;
import org.sitekeeper.rest.internal.metrics.PrometheusTextWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet counts every request it answers, also those refused before Jersey (413) or while no application
 * is loaded (503: the servlet was not initialised here, so no Jersey container exists).
 */
class ApiServletMetricsTest {

    private final HttpMetrics metrics = new HttpMetrics();
    private final ApiServlet servlet = new ApiServlet(
            () -> {
                throw new AssertionError("not initialised in this test");
            },
            1024,
            metrics);

    private String scrape() {
        StringBuilder out = new StringBuilder();
        metrics.write(new PrometheusTextWriter(out));
        return out.toString();
    }

    @Test
    void countsRequestsAnsweredWithoutAnApplication() throws Exception {
        FakeHttp.Answer unavailable = new FakeHttp.Answer();
        servlet.service(FakeHttp.request("GET", Map.of()), unavailable.response());
        FakeHttp.Answer tooLarge = new FakeHttp.Answer();
        servlet.service(FakeHttp.request("POST", Map.of(), 5000), tooLarge.response());
        servlet.service(FakeHttp.request("GET", Map.of()), new FakeHttp.Answer().response());

        assertThat(unavailable.status).isEqualTo(503);
        assertThat(tooLarge.status).isEqualTo(413);
        assertThat(scrape())
                .contains("sitekeeper_http_requests_total{method=\"GET\",status=\"503\"} 2\n")
                .contains("sitekeeper_http_requests_total{method=\"POST\",status=\"413\"} 1\n")
                .contains("sitekeeper_http_request_duration_seconds_count{method=\"GET\"} 2\n")
                .contains("sitekeeper_http_request_duration_seconds_count{method=\"POST\"} 1\n")
                .endsWith("sitekeeper_http_requests_in_flight 0\n");
        assertThat(metrics.inFlight()).isZero();
    }
}
