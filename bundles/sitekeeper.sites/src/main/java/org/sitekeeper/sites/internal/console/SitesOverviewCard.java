package org.sitekeeper.sites.internal.console;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.console.ConsoleUser;
import org.sitekeeper.console.Html;
import org.sitekeeper.console.OverviewCard;
import org.sitekeeper.console.Svg;
import org.sitekeeper.sites.api.SiteService;
import org.sitekeeper.sites.api.SiteStatus;

/** Site counts by status on the console overview. */
@Component
public final class SitesOverviewCard implements OverviewCard {

    private final SiteService sites;

    @Activate
    public SitesOverviewCard(@Reference SiteService sites) {
        this.sites = sites;
    }

    @Override
    public String title() {
        return "Sites";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void render(ConsoleUser user, PrintWriter out) {
        Map<SiteStatus, Long> counts = sites.countByStatus();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        out.println("<div class=\"sk-big\" id=\"sk-site-total\">" + total + "</div>");
        List<Svg.Bar> bars = new ArrayList<>();
        for (SiteStatus status : SiteStatus.values()) {
            bars.add(new Svg.Bar(status.wireName(), counts.get(status), SitesPage.kind(status)));
        }
        out.println(Svg.bars(bars, 320));
        out.println("<table class=\"sk-table\" id=\"sk-site-counts\">");
        for (SiteStatus status : SiteStatus.values()) {
            out.println("<tr><td>" + SitesPage.badge(status) + "</td><td data-status=\"" + status.wireName() + "\">"
                    + counts.get(status) + "</td></tr>");
        }
        out.println("</table>");
        out.println(
                "<p>" + sites.groups().size() + " groups · <a href=\"sites\">" + Html.esc("Manage sites") + "</a></p>");
    }
}
