package org.sitekeeper.uptime.internal.shell;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.SiteUptime;
import org.sitekeeper.uptime.api.UptimeService;

@Service
@Command(
        scope = "uptime",
        name = "status",
        description = "Shows a site's uptime: its monitors, uptime over 24 h to 365 d, the last 30 days and incidents.")
public class UptimeStatusCommand implements Action {

    @Argument(index = 0, name = "site", required = true, description = "The site's id")
    @Completion(SiteIdCompleter.class)
    private long siteId;

    @Reference
    private UptimeService uptime;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        SiteUptime site = uptime.site(siteId);
        PrintStream out = session.getConsole();
        out.println("Site " + site.siteId() + ": " + site.state().wireName() + " ("
                + site.monitors().size() + (site.monitors().size() == 1 ? " monitor)" : " monitors)"));
        out.println();
        UptimeTables.monitors(site.monitors(), out);
        out.println();
        out.println("Uptime (all the site's monitors together):");
        UptimeTables.stats(site.stats(), out);
        out.println();
        UptimeTables.days(site.days(), out);
        out.println();
        List<IncidentDto> open = uptime.incidents(null, siteId, true, new PageRequest(PageRequest.MAX_LIMIT, 0))
                .items();
        List<IncidentDto> recent =
                site.incidents().stream().filter(i -> !i.open()).toList();
        if (open.isEmpty() && recent.isEmpty()) {
            out.println("No incidents.");
            return null;
        }
        if (!open.isEmpty()) {
            out.println("Open incidents:");
            UptimeTables.incidents(open, out);
        }
        if (!recent.isEmpty()) {
            out.println("Recent incidents:");
            UptimeTables.incidents(recent, out);
        }
        return null;
    }
}
