package org.sitekeeper.uptime.internal.rest;

import java.io.IOException;
import java.io.Writer;
import java.util.function.Function;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.internal.engine.CheckEngine;

/**
 * Monitors in the Prometheus text exposition format (version 0.0.4): state, last response time and certificate
 * days left per monitor, and the check engine's own counters. Written page by page, so 100,000 monitors never sit
 * in memory at once.
 */
final class PrometheusText {

    private PrometheusText() {}

    /** One value of a monitor for a metric family, or {@code null} to leave the monitor out. */
    private interface Sample {
        Object of(MonitorDto m);
    }

    static void write(Writer out, Function<PageRequest, Page<MonitorDto>> pages, CheckEngine.Stats engine)
            throws IOException {
        family(
                out,
                pages,
                "sitekeeper_uptime_monitor_up",
                "1 while the monitor is up, 0 while down (absent while unknown or paused).",
                m -> m.state() == MonitorState.UP ? (Object) 1 : m.state() == MonitorState.DOWN ? (Object) 0 : null);
        family(
                out,
                pages,
                "sitekeeper_uptime_response_ms",
                "Response time of the last check in milliseconds.",
                MonitorDto::lastResponseMs);
        family(
                out,
                pages,
                "sitekeeper_uptime_certificate_days_left",
                "Days until the HTTPS certificate last seen expires.",
                MonitorDto::certificateDaysLeft);
        out.write("# HELP sitekeeper_uptime_checks_total Checks this node ran since it started.\n"
                + "# TYPE sitekeeper_uptime_checks_total counter\n"
                + "sitekeeper_uptime_checks_total " + engine.checks() + "\n"
                + "# HELP sitekeeper_uptime_unknown_checks_total Checks this node could not vouch for.\n"
                + "# TYPE sitekeeper_uptime_unknown_checks_total counter\n"
                + "sitekeeper_uptime_unknown_checks_total " + engine.unknown() + "\n"
                + "# HELP sitekeeper_uptime_dispatch_lag_ms Start of recent checks after their due time.\n"
                + "# TYPE sitekeeper_uptime_dispatch_lag_ms gauge\n"
                + "sitekeeper_uptime_dispatch_lag_ms{quantile=\"0.5\"} " + engine.lagP50Millis() + "\n"
                + "sitekeeper_uptime_dispatch_lag_ms{quantile=\"0.99\"} " + engine.lagP99Millis() + "\n"
                + "# HELP sitekeeper_uptime_running_checks Checks in flight on this node.\n"
                + "# TYPE sitekeeper_uptime_running_checks gauge\n"
                + "sitekeeper_uptime_running_checks " + engine.running() + "\n"
                + "# HELP sitekeeper_uptime_degraded 1 while this node cannot check properly (its network looks down).\n"
                + "# TYPE sitekeeper_uptime_degraded gauge\n"
                + "sitekeeper_uptime_degraded " + (engine.offlineReason() == null ? 0 : 1) + "\n");
        out.flush();
    }

    /** One metric family over every monitor, page by page: its lines stay together, as the format requires. */
    private static void family(
            Writer out, Function<PageRequest, Page<MonitorDto>> pages, String name, String help, Sample sample)
            throws IOException {
        out.write("# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n");
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, 0);
        while (true) {
            Page<MonitorDto> batch = pages.apply(page);
            for (MonitorDto m : batch.items()) {
                Object value = sample.of(m);
                if (value != null) {
                    out.write(name + labels(m) + " " + value + "\n");
                }
            }
            if (batch.nextCursor() == null || batch.items().isEmpty()) {
                return;
            }
            page = new PageRequest(PageRequest.MAX_LIMIT, Cursors.decode("cursor", batch.nextCursor()));
        }
    }

    static String labels(MonitorDto m) {
        StringBuilder b = new StringBuilder("{monitor_id=\"").append(m.id()).append('"');
        b.append(",name=\"").append(escape(m.name())).append('"');
        b.append(",url=\"").append(escape(m.url())).append('"');
        if (m.siteId() != null) {
            b.append(",site_id=\"").append(m.siteId()).append('"');
        }
        return b.append('}').toString();
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escape(String value) {
        return value == null
                ? ""
                : value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
