package org.sitekeeper.uptime.internal.metrics;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.metrics.MetricsSource;
import org.sitekeeper.core.api.metrics.MetricsWriter;
import org.sitekeeper.core.api.metrics.Snapshot;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorQuery;
import org.sitekeeper.uptime.internal.engine.CheckEngine;
import org.sitekeeper.uptime.internal.service.UptimeServiceImpl;

/**
 * Uptime's families on the hub's {@code GET /metrics}, in base units ({@link UptimeFamilies.Units#BASE}). The check
 * engine's numbers are read live; the monitors come from a snapshot at most 15 s old, taken by the first scrape
 * that finds it stale (one pass over the monitor table, however many scrapers ask), so a scrape stays cheap. When
 * the monitors cannot be read the source fails and {@code /metrics} leaves it out (and counts that).
 */
@Component(service = MetricsSource.class)
public final class UptimeMetrics implements MetricsSource {

    static final Duration MAX_AGE = Duration.ofSeconds(15);

    private final Supplier<CheckEngine.Stats> engine;
    private final Snapshot<List<UptimeFamilies.MonitorSample>> monitors;

    @Activate
    public UptimeMetrics(@Reference UptimeServiceImpl uptime) {
        this(page -> uptime.list(MonitorQuery.all(page)), uptime::engineStats, System::nanoTime);
    }

    UptimeMetrics(
            Function<PageRequest, Page<MonitorDto>> pages, Supplier<CheckEngine.Stats> engine, LongSupplier nanoTime) {
        this.engine = engine;
        this.monitors = new Snapshot<>(MAX_AGE, () -> UptimeFamilies.all(pages), nanoTime);
    }

    @Override
    public void collect(MetricsWriter out) {
        UptimeFamilies.write(out, monitors.get()::forEach, engine.get(), UptimeFamilies.Units.BASE);
    }
}
