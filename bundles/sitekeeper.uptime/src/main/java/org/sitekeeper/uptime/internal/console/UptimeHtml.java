package org.sitekeeper.uptime.internal.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.sitekeeper.console.Html;
import org.sitekeeper.core.api.Format;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.api.UptimeStats;
import org.sitekeeper.uptime.internal.view.UptimeText;

/** HTML pieces the uptime pages share; every stored string goes through {@link Html#esc}. */
final class UptimeHtml {

    private UptimeHtml() {}

    static String badge(MonitorState state) {
        return Html.badge(state.wireName(), kind(state));
    }

    static String kind(MonitorState state) {
        return switch (state) {
            case UP -> "ok";
            case DOWN -> "bad";
            case UNKNOWN -> "warn";
            case PAUSED -> "muted";
        };
    }

    static String monitorLink(long id, String name) {
        return "<a href=\"?monitor=" + id + "\">" + Html.esc(name) + "</a>";
    }

    static String siteLink(Long siteId) {
        return siteId == null ? "" : "<a href=\"?site=" + siteId + "\">site " + siteId + "</a>";
    }

    /** The last failure with its cause, while the monitor is failing; empty otherwise. */
    static String lastError(MonitorDto m) {
        if (m.lastCause() == null) {
            return "";
        }
        return Html.esc(m.lastCause().wireName()) + (m.lastError() == null ? "" : ": " + Html.esc(m.lastError()));
    }

    static void monitors(List<MonitorDto> monitors, boolean withSite, PrintWriter out) {
        Instant now = Instant.now();
        out.println("<table class=\"sk-table\" id=\"sk-monitors\"><tr><th>Name</th><th>URL</th><th>State</th>"
                + "<th>Since</th>" + (withSite ? "<th>Site</th>" : "") + "<th>Last check</th><th>Response</th>"
                + "<th>Last error</th></tr>");
        for (MonitorDto m : monitors) {
            out.println("<tr data-monitor-id=\"" + m.id() + "\" data-state=\""
                    + m.state().wireName() + "\"><td>"
                    + monitorLink(m.id(), m.name()) + "</td><td>" + Html.esc(m.url()) + "</td><td>" + badge(m.state())
                    + "</td><td>" + Html.esc(Format.ago(m.stateSince(), now)) + "</td>"
                    + (withSite ? "<td>" + siteLink(m.siteId()) + "</td>" : "") + "<td>"
                    + Html.esc(Format.ago(m.lastCheckAt(), now)) + "</td><td>"
                    + Html.esc(UptimeText.millis(m.lastResponseMs())) + "</td><td>" + lastError(m) + "</td></tr>");
        }
        out.println("</table>");
    }

    static void stats(List<UptimeStats> stats, PrintWriter out) {
        out.println("<table class=\"sk-table\" id=\"sk-uptime-stats\"><tr><th>Window</th><th>Uptime</th>"
                + "<th>Avg response</th><th>p95 response</th><th>Checks</th><th>Incidents</th></tr>");
        for (UptimeStats s : stats) {
            out.println("<tr data-window=\"" + Html.esc(s.window()) + "\"><td>" + Html.esc(s.window()) + "</td><td>"
                    + Html.badge(UptimeText.percent(s.uptimePercent()), percentKind(s.uptimePercent())) + "</td><td>"
                    + Html.esc(UptimeText.millis(s.avgResponseMs())) + "</td><td>"
                    + Html.esc(UptimeText.millis(s.p95ResponseMs())) + "</td><td>" + s.checks() + "</td><td>"
                    + s.incidents() + "</td></tr>");
        }
        out.println("</table>");
    }

    static String percentKind(Double percent) {
        if (percent == null) {
            return "muted";
        }
        return percent >= 99.9 ? "ok" : percent >= 99.0 ? "warn" : "bad";
    }

    static void incidents(List<IncidentDto> incidents, boolean withMonitor, String id, PrintWriter out) {
        if (incidents.isEmpty()) {
            out.println("<p class=\"sk-dim\" id=\"" + id + "\">No incidents.</p>");
            return;
        }
        out.println("<table class=\"sk-table\" id=\"" + id + "\"><tr>" + (withMonitor ? "<th>Monitor</th>" : "")
                + "<th>Cause</th><th>Started</th><th>Ended</th><th>Lasted</th><th>Detail</th></tr>");
        for (IncidentDto i : incidents) {
            out.println("<tr data-incident-id=\"" + i.id() + "\">"
                    + (withMonitor ? "<td>" + monitorLink(i.monitorId(), i.monitorName()) + "</td>" : "") + "<td>"
                    + Html.esc(i.cause() == null ? "-" : i.cause().wireName()) + "</td><td>"
                    + Html.esc(Format.instant(i.startedAt())) + "</td><td>"
                    + (i.open() ? Html.badge("open", "bad") : Html.esc(Format.instant(i.endedAt()))) + "</td><td>"
                    + Html.esc(Format.duration(Duration.ofSeconds(i.durationSeconds()))) + "</td><td>"
                    + Html.esc(i.detail()) + "</td></tr>");
        }
        out.println("</table>");
    }

    static void detail(PrintWriter out, String label, String html) {
        out.println("<tr><th>" + Html.esc(label) + "</th><td>" + html + "</td></tr>");
    }
}
