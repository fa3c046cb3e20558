package org.sitekeeper.uptime.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.UptimeService;
import org.sitekeeper.uptime.internal.rest.MonitorsResource;
import org.sitekeeper.uptime.internal.view.UptimeText;

@Service
@Command(scope = "uptime", name = "list", description = "Lists uptime monitors with their state and last check.")
public class UptimeListCommand implements Action {

    @Option(name = "--state", aliases = "-s", description = "up, down, unknown or paused")
    @Completion(StateCompleter.class)
    private String state;

    @Option(name = "--site", description = "Only the monitors of this site id")
    @Completion(SiteIdCompleter.class)
    private String site;

    @Option(name = "--query", aliases = "-q", description = "Name or URL contains this")
    private String query;

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
        Page<MonitorDto> page =
                uptime.list(MonitorsResource.query(state, site, query, PageRequest.parse(limit, cursor)));
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("State");
        table.column("Name").maxSize(30);
        table.column("URL").maxSize(50);
        table.column("Site").alignRight();
        table.column("Last check");
        table.column("Response").alignRight();
        table.column("Last error").maxSize(50);
        for (MonitorDto m : page.items()) {
            table.addRow()
                    .addContent(
                            m.id(),
                            m.state().wireName(),
                            m.name(),
                            m.url(),
                            m.siteId() == null ? "" : m.siteId(),
                            Format.ago(m.lastCheckAt(), now),
                            UptimeText.millis(m.lastResponseMs()),
                            lastError(m));
        }
        table.print(session.getConsole());
        session.getConsole()
                .println(page.items().size() + " of " + page.total() + " monitors"
                        + (page.nextCursor() == null ? "" : "; more with --cursor " + page.nextCursor()));
        return null;
    }

    /** The last failure with its cause, while the monitor is failing. */
    static String lastError(MonitorDto m) {
        if (m.lastCause() == null) {
            return "";
        }
        return m.lastCause().wireName() + (m.lastError() == null ? "" : ": " + oneLine(m.lastError()));
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
