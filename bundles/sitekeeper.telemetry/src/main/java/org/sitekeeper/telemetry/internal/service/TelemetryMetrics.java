package org.sitekeeper.telemetry.internal.service;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.metrics.MetricsSource;
import org.sitekeeper.core.api.metrics.MetricsWriter;
import org.sitekeeper.core.api.metrics.Snapshot;
import org.sitekeeper.telemetry.api.StatsOverview;

/**
 * Seed 002's metrics on the hub's {@code /metrics}: installations per CMS, outdated share, average error rate and
 * heartbeat latency quantiles, plus the writers' queues. The fleet numbers come from a snapshot at most 15 s old.
 */
@Component(service = MetricsSource.class)
public final class TelemetryMetrics implements MetricsSource {

    private static final double[] QUANTILES = {0.5, 0.9, 0.95, 0.99};

    private final TelemetryServiceImpl telemetry;
    private final Snapshot<StatsOverview> stats;

    @Activate
    public TelemetryMetrics(@Reference TelemetryServiceImpl telemetry) {
        this.telemetry = telemetry;
        this.stats = new Snapshot<>(Duration.ofSeconds(15), telemetry::overview);
    }

    @Override
    public void collect(MetricsWriter out) {
        StatsOverview stats = this.stats.get();
        out.family("plugin_installations_total", "gauge", "Plugin installations by CMS");
        for (StatsOverview.CmsCount c : stats.cmsBreakdown()) {
            out.sample("plugin_installations_total", c.count(), "cms", c.cms());
        }
        out.family("plugin_installations_by_status", "gauge", "Plugin installations by status")
                .sample("plugin_installations_by_status", stats.activeCount(), "status", "active")
                .sample("plugin_installations_by_status", stats.outdatedCount(), "status", "outdated")
                .sample("plugin_installations_by_status", stats.blockedCount(), "status", "blocked")
                .sample("plugin_installations_by_status", stats.errorCount(), "status", "error");
        out.family("plugin_outdated_percentage", "gauge", "Share of installations that are outdated (percent)")
                .sample("plugin_outdated_percentage", stats.outdatedPercentage());
        out.family("plugin_error_rate_avg", "gauge", "Average error rate of installations over 24 h (percent)")
                .sample("plugin_error_rate_avg", stats.avgErrorRate());
        out.family("plugin_high_error_rate_installations", "gauge", "Installations with a high error rate")
                .sample("plugin_high_error_rate_installations", stats.highErrorRateCount());
        TelemetryServiceImpl.Internals in = telemetry.internals();
        out.family(
                        "plugin_heartbeat_latency_seconds",
                        "summary",
                        "Time to answer a heartbeat, committed (last 8192 heartbeats)")
                .summary("plugin_heartbeat_latency_seconds", in.latency(), QUANTILES);
        out.family(
                        "telemetry_write_queue",
                        "gauge",
                        "Items waiting for their write (queued or in the batch being written)")
                .sample("telemetry_write_queue", in.heartbeats().queued(), "kind", "heartbeats")
                .sample("telemetry_write_queue", in.events().queued(), "kind", "events");
        out.family("telemetry_written_total", "counter", "Items written since start")
                .sample("telemetry_written_total", in.heartbeats().written(), "kind", "heartbeats")
                .sample("telemetry_written_total", in.events().written(), "kind", "events");
        out.family("telemetry_rejected_total", "counter", "Items refused with 503 because the queue was full")
                .sample("telemetry_rejected_total", in.heartbeats().rejected(), "kind", "heartbeats")
                .sample("telemetry_rejected_total", in.events().rejected(), "kind", "events");
        out.family("telemetry_write_failures_total", "counter", "Items whose batch could not be written")
                .sample("telemetry_write_failures_total", in.heartbeats().failed(), "kind", "heartbeats")
                .sample("telemetry_write_failures_total", in.events().failed(), "kind", "events");
        out.family("telemetry_batches_total", "counter", "Batches written since start")
                .sample("telemetry_batches_total", in.heartbeats().batches(), "kind", "heartbeats")
                .sample("telemetry_batches_total", in.events().batches(), "kind", "events");
    }
}
