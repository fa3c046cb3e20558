package org.sitekeeper.uptime.internal.console;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.console.ConsoleUser;
import org.sitekeeper.console.Html;
import org.sitekeeper.console.OverviewCard;
import org.sitekeeper.console.Svg;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.api.UptimeOverview;
import org.sitekeeper.uptime.api.UptimeService;
import org.sitekeeper.uptime.internal.view.UptimeText;

/** Monitors by state, open incidents and the worst monitors on the console overview. */
@Component
public final class UptimeOverviewCard implements OverviewCard {

    private final UptimeService uptime;

    @Activate
    public UptimeOverviewCard(@Reference UptimeService uptime) {
        this.uptime = uptime;
    }

    @Override
    public String title() {
        return "Uptime";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void render(ConsoleUser user, PrintWriter out) {
        UptimeOverview overview = uptime.overview();
        if (overview.degraded()) {
            out.println("<p id=\"sk-uptime-degraded\">" + Html.badge("degraded", "bad") + " "
                    + Html.esc(overview.degradedReason()) + "</p>");
        }
        long down = overview.states().getOrDefault(MonitorState.DOWN, 0L);
        out.println("<div class=\"sk-big\" id=\"sk-uptime-down\">"
                + (down > 0 ? Html.badge(down + " down", "bad") : Html.badge("all up", "ok")) + "</div>");
        List<Svg.Bar> bars = new ArrayList<>();
        for (MonitorState state : MonitorState.values()) {
            bars.add(new Svg.Bar(state.wireName(), overview.states().getOrDefault(state, 0L), UptimeHtml.kind(state)));
        }
        out.println(Svg.bars(bars, 320));
        out.println("<table class=\"sk-table\" id=\"sk-uptime-card\">");
        out.println("<tr><td>Open incidents</td><td data-count=\"open-incidents\">"
                + (overview.openIncidents() > 0 ? Html.badge(Long.toString(overview.openIncidents()), "bad") : "0")
                + "</td></tr>");
        for (UptimeOverview.WorstMonitor w : overview.worst().stream().limit(5).toList()) {
            out.println("<tr><td><a href=\"" + UptimePage.LABEL + "?monitor=" + w.monitorId() + "\">"
                    + Html.esc(w.name()) + "</a></td><td>" + UptimeHtml.badge(w.state()) + " "
                    + Html.esc(UptimeText.percent(w.uptimePercent())) + " (24 h)</td></tr>");
        }
        out.println("</table>");
        out.println("<p><a href=\"" + UptimePage.LABEL + "\">All monitors</a> · <a href=\"" + UptimePage.LABEL
                + "?state=down\">Down</a></p>");
    }
}
