package org.sitekeeper.uptime.internal.console;

import java.io.PrintWriter;

import org.sitekeeper.uptime.api.SiteUptime;

/** A site on the uptime page: its monitors, uptime of all of them together, 30 days and incidents. */
final class SiteView {

    private SiteView() {}

    static void render(SiteUptime site, PrintWriter out) {
        out.println("<p><a href=\"sitekeeper-uptime\">← All monitors</a> · <a href=\"sites?id=" + site.siteId()
                + "\">Site details</a></p>");
        out.println("<h2 id=\"sk-site-title\">Site " + site.siteId() + " " + UptimeHtml.badge(site.state()) + "</h2>");
        out.println("<h2>Monitors</h2>");
        UptimeHtml.monitors(site.monitors(), false, out);
        out.println("<h2>Uptime</h2><p class=\"sk-dim\">All the site's monitors together.</p>");
        UptimeHtml.stats(site.stats(), out);
        out.println("<h2>Last " + site.days().size() + " days</h2><div id=\"sk-uptime-days\">"
                + UptimeCharts.dayBar(site.days()) + "</div>");
        out.println("<h2>Incidents</h2>");
        UptimeHtml.incidents(site.incidents(), true, "sk-incidents", out);
    }
}
