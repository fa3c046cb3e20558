package org.sitekeeper.uptime.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.UptimeService;
import org.sitekeeper.uptime.internal.view.UptimeText;

@Service
@Command(scope = "uptime", name = "incidents", description = "Lists uptime incidents, newest first.")
public class UptimeIncidentsCommand implements Action {

    @Option(name = "--open", aliases = "-o", description = "Only the incidents open now")
    private boolean open;

    @Option(name = "--site", description = "Only this site id")
    @Completion(SiteIdCompleter.class)
    private String site;

    @Option(name = "--monitor", aliases = "-m", description = "Only this monitor id")
    @Completion(MonitorIdCompleter.class)
    private String monitor;

    @Option(name = "--limit", aliases = "-n", description = "How many (default 50, at most 500)")
    private String limit;

    @Option(name = "--cursor", description = "Continue after the page that printed this cursor")
    private String cursor;

    @Reference
    private UptimeService uptime;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        Page<IncidentDto> page = uptime.incidents(
                UptimeText.id("monitor", monitor), UptimeText.id("site", site), open, PageRequest.parse(limit, cursor));
        UptimeTables.incidents(page.items(), session.getConsole());
        session.getConsole()
                .println(page.items().size() + " of " + page.total() + (open ? " open" : "") + " incidents"
                        + (page.nextCursor() == null ? "" : "; more with --cursor " + page.nextCursor()));
        return null;
    }
}
