package org.sitekeeper.uptime.internal.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.metrics.MetricsWriter;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.internal.engine.CheckEngine;

/**
 * Uptime's metric families: state, last response time and certificate expiry per monitor, and the check engine of
 * this node. One code for both places that serve them, in two spellings:
 *
 * <ul>
 *   <li>{@link Units#BASE} for the hub's {@code GET /metrics}: Prometheus's conventions (seconds, a Unix timestamp
 *       for the certificate's expiry, a summary for the dispatch lag), so the scrape passes {@code promtool check
 *       metrics};
 *   <li>{@link Units#LEGACY} for {@code GET /api/v1/uptime/metrics}, which keeps the names and units it has always
 *       served ({@code …_response_ms}, {@code …_certificate_days_left}, {@code …_dispatch_lag_ms}) so existing
 *       scrapers and dashboards keep working.
 * </ul>
 *
 * Each per-monitor family visits the monitors once, so its samples stay together as the format requires.
 */
public final class UptimeFamilies {

    /** How the families are named and measured. */
    public enum Units {
        /** Base units, for {@code /metrics}. */
        BASE,
        /** The names and units of {@code /api/v1/uptime/metrics}. */
        LEGACY
    }

    /** What the families need to know of a monitor. */
    public record MonitorSample(
            long id,
            String name,
            String url,
            Long siteId,
            MonitorState state,
            Integer responseMs,
            Instant certificateExpiresAt,
            Integer certificateDaysLeft) {

        public static MonitorSample of(MonitorDto m) {
            return new MonitorSample(
                    m.id(),
                    m.name(),
                    m.url(),
                    m.siteId(),
                    m.state(),
                    m.lastResponseMs(),
                    m.certificateExpiresAt(),
                    m.certificateDaysLeft());
        }

        String[] labels() {
            return siteId == null
                    ? new String[] {"monitor_id", Long.toString(id), "name", name, "url", url}
                    : new String[] {
                        "monitor_id", Long.toString(id), "name", name, "url", url, "site_id", Long.toString(siteId)
                    };
        }
    }

    /** The monitors to write; visited once per per-monitor family. */
    public interface Monitors {
        void forEach(Consumer<MonitorSample> each);
    }

    private interface Value {
        /** The monitor's value, or {@code null} to leave the monitor out of the family. */
        Double of(MonitorSample m);
    }

    private static final double MILLIS_PER_SECOND = 1000.0;

    private UptimeFamilies() {}

    /** Every monitor, read page by page on each visit: at most one page is in memory at a time. */
    public static Monitors paged(Function<PageRequest, Page<MonitorDto>> pages) {
        return each -> {
            PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, 0);
            while (true) {
                Page<MonitorDto> batch = pages.apply(page);
                for (MonitorDto m : batch.items()) {
                    each.accept(MonitorSample.of(m));
                }
                if (batch.nextCursor() == null || batch.items().isEmpty()) {
                    return;
                }
                page = new PageRequest(PageRequest.MAX_LIMIT, Cursors.decode("cursor", batch.nextCursor()));
            }
        };
    }

    /** Every monitor, read page by page once, kept in a list. */
    public static List<MonitorSample> all(Function<PageRequest, Page<MonitorDto>> pages) {
        List<MonitorSample> all = new ArrayList<>();
        paged(pages).forEach(all::add);
        return all;
    }

    public static void write(MetricsWriter out, Monitors monitors, CheckEngine.Stats engine, Units units) {
        boolean base = units == Units.BASE;
        perMonitor(
                out,
                monitors,
                "sitekeeper_uptime_monitor_up",
                "1 while the monitor is up, 0 while down (absent while unknown or paused).",
                m -> switch (m.state()) {
                    case UP -> 1.0;
                    case DOWN -> 0.0;
                    default -> null;
                });
        if (base) {
            perMonitor(
                    out,
                    monitors,
                    "sitekeeper_uptime_response_seconds",
                    "Response time of the last check in seconds.",
                    m -> m.responseMs() == null ? null : m.responseMs() / MILLIS_PER_SECOND);
            perMonitor(
                    out,
                    monitors,
                    "sitekeeper_uptime_certificate_expiry_timestamp_seconds",
                    "When the HTTPS certificate last seen expires, in seconds since the Unix epoch.",
                    m -> m.certificateExpiresAt() == null
                            ? null
                            : (double) m.certificateExpiresAt().getEpochSecond());
        } else {
            perMonitor(
                    out,
                    monitors,
                    "sitekeeper_uptime_response_ms",
                    "Response time of the last check in milliseconds.",
                    m -> m.responseMs() == null ? null : m.responseMs().doubleValue());
            perMonitor(
                    out,
                    monitors,
                    "sitekeeper_uptime_certificate_days_left",
                    "Days until the HTTPS certificate last seen expires.",
                    m -> m.certificateDaysLeft() == null
                            ? null
                            : m.certificateDaysLeft().doubleValue());
        }
        out.family("sitekeeper_uptime_checks_total", "counter", "Checks this node ran since it started.")
                .sample("sitekeeper_uptime_checks_total", engine.checks());
        out.family("sitekeeper_uptime_unknown_checks_total", "counter", "Checks this node could not vouch for.")
                .sample("sitekeeper_uptime_unknown_checks_total", engine.unknown());
        if (base) {
            String lag = "sitekeeper_uptime_dispatch_lag_seconds";
            out.family(lag, "summary", "Start of this node's recent checks after their due time.")
                    .sample(lag, engine.lagP50Millis() / MILLIS_PER_SECOND, "quantile", "0.5")
                    .sample(lag, engine.lagP99Millis() / MILLIS_PER_SECOND, "quantile", "0.99")
                    .sample(lag, engine.lagMaxMillis() / MILLIS_PER_SECOND, "quantile", "1");
        } else {
            String lag = "sitekeeper_uptime_dispatch_lag_ms";
            out.family(lag, "gauge", "Start of recent checks after their due time.")
                    .sample(lag, engine.lagP50Millis(), "quantile", "0.5")
                    .sample(lag, engine.lagP99Millis(), "quantile", "0.99");
        }
        out.family("sitekeeper_uptime_running_checks", "gauge", "Checks in flight on this node.")
                .sample("sitekeeper_uptime_running_checks", engine.running());
        out.family(
                        "sitekeeper_uptime_degraded",
                        "gauge",
                        "1 while this node cannot check properly (its network looks down).")
                .sample("sitekeeper_uptime_degraded", engine.offlineReason() == null ? 0 : 1);
    }

    private static void perMonitor(MetricsWriter out, Monitors monitors, String name, String help, Value value) {
        out.family(name, "gauge", help);
        monitors.forEach(m -> {
            Double v = value.of(m);
            if (v != null) {
                out.sample(name, v, m.labels());
            }
        });
    }
}
