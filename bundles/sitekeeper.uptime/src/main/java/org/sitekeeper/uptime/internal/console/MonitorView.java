package org.sitekeeper.uptime.internal.console;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sitekeeper.console.Html;
import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.DailyBar;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorType;
import org.sitekeeper.uptime.api.UptimeStats;
import org.sitekeeper.uptime.internal.view.UptimeText;

/** One monitor on the uptime page: state, settings, uptime windows, 30 days, response times, checks, incidents. */
final class MonitorView {

    /** What the view shows, as the service returned it. */
    record Data(
            MonitorDto monitor,
            List<UptimeStats> stats,
            List<DailyBar> days,
            List<Integer> responseTimes,
            List<CheckResultDto> results,
            Page<IncidentDto> incidents) {}

    private MonitorView() {}

    /**
     * @param checkForm the "check now" form for ops and admins, or empty for viewers
     */
    static void render(Data data, String checkForm, PrintWriter out) {
        MonitorDto m = data.monitor();
        Instant now = Instant.now();
        out.println("<p><a href=\"sitekeeper-uptime\">← All monitors</a>"
                + (m.siteId() == null ? "" : " · <a href=\"?site=" + m.siteId() + "\">Site " + m.siteId() + "</a>")
                + "</p>");
        out.println("<h2 id=\"sk-monitor-title\">" + Html.esc(m.name()) + " " + UptimeHtml.badge(m.state()) + "</h2>");
        out.println("<p class=\"sk-dim\">" + Html.esc(m.url()) + " · "
                + Html.esc(m.state().wireName()) + " since "
                + Html.esc(Format.instant(m.stateSince())) + " · last checked "
                + Html.esc(Format.ago(m.lastCheckAt(), now))
                + (m.nextCheckAt() == null
                        ? " · not scheduled"
                        : " · next " + Html.esc(Format.ago(m.nextCheckAt(), now)))
                + "</p>");
        out.print(checkForm);
        if (m.lastCause() != null) {
            out.println("<div class=\"sk-notice sk-bad\" id=\"sk-last-error\">Last check failed: "
                    + UptimeHtml.lastError(m) + "</div>");
        }
        out.println("<h2>Uptime</h2>");
        UptimeHtml.stats(data.stats(), out);
        out.println("<h2>Last " + data.days().size() + " days</h2><div id=\"sk-uptime-days\">"
                + UptimeCharts.dayBar(data.days()) + "</div>");
        out.println("<p class=\"sk-dim\">One cell a day (UTC), oldest left: green ≥ 99.9 %, yellow ≥ 99 %, light red"
                + " ≥ 95 %, red below, grey without checks. Hover for the figures.</p>");
        out.println("<h2>Response time</h2>");
        if (data.responseTimes().isEmpty()) {
            out.println("<p class=\"sk-dim\" id=\"sk-sparkline\">No successful checks recorded yet.</p>");
        } else {
            out.println("<div id=\"sk-sparkline\">" + UptimeCharts.sparkline(data.responseTimes(), 600, 60) + "</div>");
            out.println("<p class=\"sk-dim\">" + Html.esc(UptimeCharts.summary(data.responseTimes())) + "</p>");
        }
        settings(m, out);
        results(data.results(), out);
        out.println("<h2>Incidents</h2>");
        UptimeHtml.incidents(data.incidents().items(), false, "sk-incidents", out);
        if (data.incidents().nextCursor() != null) {
            Map<String, Object> next = new LinkedHashMap<>();
            next.put("monitor", m.id());
            next.put("incidents_cursor", data.incidents().nextCursor());
            out.println("<p><a href=\"" + Html.esc(Html.link("", next)) + "\">Older incidents</a></p>");
        }
    }

    private static void settings(MonitorDto m, PrintWriter out) {
        out.println("<h2>Settings</h2><table class=\"sk-table\" id=\"sk-monitor\">");
        UptimeHtml.detail(out, "Id", Long.toString(m.id()));
        UptimeHtml.detail(out, "Type", Html.esc(m.type().wireName()));
        UptimeHtml.detail(out, "URL", Html.esc(m.url()));
        UptimeHtml.detail(out, "Site", m.siteId() == null ? "standalone" : UptimeHtml.siteLink(m.siteId()));
        UptimeHtml.detail(out, "Enabled", m.enabled() ? "yes" : Html.badge("paused", "muted"));
        UptimeHtml.detail(
                out,
                "Schedule",
                "every " + m.intervalSeconds() + " s, timeout " + m.timeoutSeconds() + " s; down after "
                        + m.failuresToDown() + " failed checks in a row, up after " + m.successesToUp()
                        + " successful");
        if (m.type() == MonitorType.HTTP) {
            UptimeHtml.detail(out, "Method", Html.esc(m.method()));
            UptimeHtml.detail(out, "Expected status", Html.esc(m.expectedStatus()));
            UptimeHtml.detail(
                    out,
                    "Keyword",
                    m.keyword() == null
                            ? "-"
                            : (m.keywordAbsent() ? "must not contain " : "must contain ") + "<code>"
                                    + Html.esc(m.keyword()) + "</code>");
            UptimeHtml.detail(
                    out,
                    "Headers",
                    m.headers().isEmpty()
                            ? "-"
                            : Html.esc(String.join(", ", m.headers().keySet())));
            UptimeHtml.detail(out, "Follow redirects", m.followRedirects() ? "yes" : "no");
            UptimeHtml.detail(out, "Slowest accepted", m.maxResponseMs() == 0 ? "no limit" : m.maxResponseMs() + " ms");
            UptimeHtml.detail(out, "TLS errors", m.ignoreTlsErrors() ? "ignored" : "fail the check");
            UptimeHtml.detail(
                    out,
                    "Certificate",
                    m.certificateExpiresAt() == null
                            ? "-"
                            : Html.esc("expires " + Format.instant(m.certificateExpiresAt()) + " ("
                                    + m.certificateDaysLeft() + " days left)"));
        }
        UptimeHtml.detail(out, "Created", Html.esc(Format.instant(m.createdAt())));
        UptimeHtml.detail(out, "Updated", Html.esc(Format.instant(m.updatedAt())));
        out.println("</table>");
    }

    private static void results(List<CheckResultDto> results, PrintWriter out) {
        out.println("<h2>Recent checks</h2>");
        if (results.isEmpty()) {
            out.println("<p class=\"sk-dim\" id=\"sk-results\">Not checked yet.</p>");
            return;
        }
        out.println("<table class=\"sk-table\" id=\"sk-results\"><tr><th>Checked</th><th>Outcome</th>"
                + "<th>Response</th><th>Status</th><th>Cause</th><th>Detail</th></tr>");
        for (CheckResultDto r : results) {
            out.println("<tr data-outcome=\"" + r.outcome().wireName() + "\"><td>"
                    + Html.esc(Format.instant(r.checkedAt())) + "</td><td>" + UptimeHtml.badge(r.outcome())
                    + "</td><td>"
                    + Html.esc(UptimeText.millis(r.responseMs())) + "</td><td>"
                    + (r.statusCode() == null ? "-" : r.statusCode()) + "</td><td>"
                    + Html.esc(r.cause() == null ? "" : r.cause().wireName()) + "</td><td>" + Html.esc(r.detail())
                    + "</td></tr>");
        }
        out.println("</table>");
    }
}
