package org.sitekeeper.telemetry.internal.console;

import java.io.PrintWriter;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.console.ConsoleUser;
import org.sitekeeper.console.Html;
import org.sitekeeper.console.OverviewCard;
import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.ConnectionService;
import org.sitekeeper.telemetry.api.StatsOverview;
import org.sitekeeper.telemetry.api.TelemetryService;

/** Plugin installations by status, error rates, the CMS breakdown and WordPress connections on the overview. */
@Component
public final class TelemetryOverviewCard implements OverviewCard {

    private final TelemetryService telemetry;
    private final ConnectionService connections;

    @Activate
    public TelemetryOverviewCard(@Reference TelemetryService telemetry, @Reference ConnectionService connections) {
        this.telemetry = telemetry;
        this.connections = connections;
    }

    @Override
    public String title() {
        return "Plugin telemetry";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void render(ConsoleUser user, PrintWriter out) {
        render(telemetry.overview(), connections.connections(), out);
    }

    static void render(StatsOverview s, List<ConnectionDto> all, PrintWriter out) {
        out.println("<div class=\"sk-big\" id=\"sk-telemetry-outdated\">"
                + (s.outdatedCount() > 0
                        ? Html.badge(s.outdatedCount() + " outdated", "warn")
                        : Html.badge(s.totalCount() == 0 ? "no installations" : "all up to date", "ok"))
                + "</div>");
        if (!s.cmsBreakdown().isEmpty()) {
            out.println(TelemetryHtml.cmsChart(s, 320));
        }
        out.println("<table class=\"sk-table\" id=\"sk-telemetry-card\">");
        row(out, "Installations", "total", Long.toString(s.totalCount()));
        row(out, "Active", "active", Long.toString(s.activeCount()));
        row(
                out,
                "Outdated",
                "outdated",
                s.outdatedCount() + " (" + Html.esc(TelemetryText.percent(s.outdatedPercentage())) + ")");
        row(out, "Blocked", "blocked", Long.toString(s.blockedCount()));
        row(out, "No heartbeat", "error", s.errorCount() > 0 ? Html.badge(Long.toString(s.errorCount()), "bad") : "0");
        row(
                out,
                "High error rate",
                "high-error-rate",
                s.highErrorRateCount() > 0 ? Html.badge(Long.toString(s.highErrorRateCount()), "bad") : "0");
        row(out, "Avg error rate", "avg-error-rate", Html.esc(TelemetryText.percent(s.avgErrorRate())));
        long connected = all.stream().filter(ConnectionDto::wordpressConnected).count();
        long live = all.stream().filter(c -> c.revokedAt() == null).count();
        row(out, "WordPress connections", "connections", connected + " of " + live + " connected");
        out.println("</table>");
        out.println("<p><a href=\"" + TelemetryPage.LABEL + "\">Dashboard</a> · <a href=\"" + TelemetryPage.LABEL
                + "?status=outdated\">Outdated</a> · <a href=\"" + ConnectionsPage.LABEL + "\">Connections</a></p>");
    }

    private static void row(PrintWriter out, String label, String key, String html) {
        out.println("<tr><td>" + Html.esc(label) + "</td><td data-count=\"" + key + "\">" + html + "</td></tr>");
    }
}
