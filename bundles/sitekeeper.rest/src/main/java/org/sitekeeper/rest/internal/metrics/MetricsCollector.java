package org.sitekeeper.rest.internal.metrics;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.metrics.MetricsSource;

/**
 * One scrape of {@code GET /metrics}: the REST platform's own families, then each source's. A source is written
 * into its own buffer and appended only when it finished: one that throws (or writes a family another source
 * or the hub already wrote) is left out entirely, logged at WARN the first time it fails in a row (later
 * failures at DEBUG, until it succeeds again) and counted in {@value #SOURCE_ERRORS}.
 */
public final class MetricsCollector {

    /** A source and the name it appears under in logs and in {@value #SOURCE_ERRORS}. */
    public record Named(String name, MetricsSource source) {}

    public static final String SOURCE_ERRORS = "sitekeeper_metrics_source_errors_total";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);

    private final HttpMetrics http;
    private final Supplier<? extends Collection<Named>> sources;
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** @param sources the sources now, in the order to write them */
    public MetricsCollector(HttpMetrics http, Supplier<? extends Collection<Named>> sources) {
        this.http = http;
        this.sources = sources;
    }

    /** The scrape's text, in the Prometheus text format 0.0.4. */
    public String scrape() {
        StringBuilder body = new StringBuilder(4096);
        PrometheusTextWriter hub = new PrometheusTextWriter(body);
        http.write(hub);
        Set<String> taken = new HashSet<>(hub.names());
        taken.add(SOURCE_ERRORS); // written last, by the hub
        Collection<Named> now = sources.get();
        for (Named named : now) {
            StringBuilder part = new StringBuilder(1024);
            PrometheusTextWriter writer = new PrometheusTextWriter(part, taken);
            try {
                named.source().collect(writer);
            } catch (RuntimeException | LinkageError e) {
                failed(named.name(), e);
                continue;
            }
            body.append(part);
            taken.addAll(writer.names());
            if (failing.remove(named.name())) {
                LOG.info("Metrics source {} answers again", named.name());
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        now.forEach(named -> counts.put(named.name(), 0L));
        errors.forEach((name, count) -> counts.put(name, count.sum()));
        hub.family(SOURCE_ERRORS, "counter", "Scrapes of /metrics that left a metrics source out because it failed.");
        counts.forEach((name, count) -> hub.sample(SOURCE_ERRORS, count, "source", name));
        return body.toString();
    }

    private void failed(String name, Throwable e) {
        errors.computeIfAbsent(name, n -> new LongAdder()).increment();
        if (failing.add(name)) {
            LOG.warn("Metrics source {} failed; /metrics leaves it out while it fails: {}", name, e.toString(), e);
        } else {
            LOG.debug("Metrics source {} failed again: {}", name, e.toString());
        }
    }
}
