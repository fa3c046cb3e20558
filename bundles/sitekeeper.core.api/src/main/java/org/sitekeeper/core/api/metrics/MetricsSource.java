package org.sitekeeper.core.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service that contributes metric families to the hub's {@code GET /metrics}. Called on every scrape, on the
 * scraping thread: answer from numbers kept in memory (or a snapshot refreshed in the background), never from a
 * slow query. Families of different sources must not share names; prefix them with the capability.
 *
 * <pre>{@code
 * @Component(service = MetricsSource.class)
 * public final class UptimeMetrics implements MetricsSource {
 *     public void collect(MetricsWriter out) {
 *         out.family("uptime_monitors", "gauge", "Monitors by state")
 *            .sample("uptime_monitors", 12, "state", "up")
 *            .sample("uptime_monitors", 1, "state", "down");
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface MetricsSource {

    /** Writes this source's families. */
    void collect(MetricsWriter out);
}
