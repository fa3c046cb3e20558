package org.sitekeeper.uptime.internal.metrics;

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

    static final long MAX_AGE_NANOS = 15_000_000_000L;

    private record Snapshot(List<UptimeFamilies.MonitorSample> monitors, long takenAt) {}

    private final Function<PageRequest, Page<MonitorDto>> pages;
    private final Supplier<CheckEngine.Stats> engine;
    private final LongSupplier nanoTime;
    private Snapshot snapshot; // guarded by this

    @Activate
    public UptimeMetrics(@Reference UptimeServiceImpl uptime) {
        this(page -> uptime.list(MonitorQuery.all(page)), uptime::engineStats, System::nanoTime);
    }

    UptimeMetrics(
            Function<PageRequest, Page<MonitorDto>> pages, Supplier<CheckEngine.Stats> engine, LongSupplier nanoTime) {
        this.pages = pages;
        this.engine = engine;
        this.nanoTime = nanoTime;
    }

    @Override
    public void collect(MetricsWriter out) {
        List<UptimeFamilies.MonitorSample> monitors = monitors();
        UptimeFamilies.write(out, monitors::forEach, engine.get(), UptimeFamilies.Units.BASE);
    }

    private synchronized List<UptimeFamilies.MonitorSample> monitors() {
        long now = nanoTime.getAsLong();
        if (snapshot == null || now - snapshot.takenAt() > MAX_AGE_NANOS) {
            snapshot = new Snapshot(List.copyOf(UptimeFamilies.all(pages)), now);
        }
        return snapshot.monitors();
    }
}
