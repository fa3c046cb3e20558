package org.sitekeeper.rest.internal.metrics;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import org.sitekeeper.core.api.metrics.LatencyWindow;
import org.sitekeeper.core.api.metrics.MetricsWriter;

/**
 * The REST platform's own request metrics: requests answered by method and status, their latency by method
 * (quantiles over the most recent requests, sum and count over all) and the requests being served now.
 *
 * <p>Built for the hot path: recording a request touches {@link LongAdder}s and one lock-free ring, allocates
 * nothing after a (method, status) pair's first request, and never blocks; the quantiles are computed when
 * scraped. Methods outside the standard set are counted as {@code other} and statuses outside 100–599 as
 * {@code other}, so a client cannot grow the number of series.
 */
public final class HttpMetrics {

    public static final String REQUESTS = "sitekeeper_http_requests_total";
    public static final String DURATION = "sitekeeper_http_request_duration_seconds";
    public static final String IN_FLIGHT = "sitekeeper_http_requests_in_flight";
    /** How many recent requests per method the quantiles cover. */
    public static final int WINDOW = 4096;

    static final double[] QUANTILES = {0.5, 0.9, 0.99};

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other");
    private static final int OTHER_METHOD = METHODS.size() - 1;
    private static final int LOWEST_STATUS = 100;
    private static final int HIGHEST_STATUS = 599;
    /** 100–599, then one slot for anything else. */
    private static final int STATUS_SLOTS = HIGHEST_STATUS - LOWEST_STATUS + 2;

    private final AtomicReferenceArray<LongAdder> requests = new AtomicReferenceArray<>(METHODS.size() * STATUS_SLOTS);
    private final LatencyWindow[] latency = new LatencyWindow[METHODS.size()];
    private final LongAdder inFlight = new LongAdder();

    public HttpMetrics() {
        for (int i = 0; i < latency.length; i++) {
            latency[i] = new LatencyWindow(WINDOW);
        }
    }

    /** A request begins: counts it in flight and answers the start time to hand to {@link #finished}. */
    public long started() {
        inFlight.increment();
        return System.nanoTime();
    }

    /** A request that {@link #started()} at {@code startNanos} was answered with {@code status}. */
    public void finished(String method, int status, long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        inFlight.decrement();
        record(method, status, elapsed);
    }

    /** Counts one answered request and its duration (no in-flight bookkeeping). */
    void record(String method, int status, long nanos) {
        int m = methodIndex(method);
        int slot = m * STATUS_SLOTS + statusIndex(status);
        LongAdder counter = requests.get(slot);
        if (counter == null) {
            LongAdder created = new LongAdder();
            counter = requests.compareAndSet(slot, null, created) ? created : requests.get(slot);
        }
        counter.increment();
        latency[m].record(nanos);
    }

    static int methodIndex(String method) {
        if (method == null) {
            return OTHER_METHOD;
        }
        return switch (method) {
            case "GET" -> 0;
            case "HEAD" -> 1;
            case "POST" -> 2;
            case "PUT" -> 3;
            case "PATCH" -> 4;
            case "DELETE" -> 5;
            case "OPTIONS" -> 6;
            default -> OTHER_METHOD;
        };
    }

    static int statusIndex(int status) {
        return status < LOWEST_STATUS || status > HIGHEST_STATUS ? STATUS_SLOTS - 1 : status - LOWEST_STATUS;
    }

    private static String statusLabel(int index) {
        return index == STATUS_SLOTS - 1 ? "other" : Integer.toString(index + LOWEST_STATUS);
    }

    /** Requests being served now. */
    public long inFlight() {
        return inFlight.sum();
    }

    /** Writes the three families; methods without any request yet are left out of the summary. */
    public void write(MetricsWriter out) {
        out.family(REQUESTS, "counter", "REST requests under /api answered, by method and status.");
        for (int m = 0; m < METHODS.size(); m++) {
            for (int s = 0; s < STATUS_SLOTS; s++) {
                LongAdder counter = requests.get(m * STATUS_SLOTS + s);
                if (counter != null) {
                    out.sample(REQUESTS, counter.sum(), "method", METHODS.get(m), "status", statusLabel(s));
                }
            }
        }
        out.family(
                DURATION,
                "summary",
                "Time to answer REST requests under /api, by method; quantiles over the last " + WINDOW
                        + " requests of each method.");
        for (int m = 0; m < METHODS.size(); m++) {
            if (latency[m].count() > 0) {
                out.summary(DURATION, latency[m], QUANTILES, "method", METHODS.get(m));
            }
        }
        out.family(IN_FLIGHT, "gauge", "REST requests under /api being served now.");
        out.sample(IN_FLIGHT, inFlight());
    }
}
