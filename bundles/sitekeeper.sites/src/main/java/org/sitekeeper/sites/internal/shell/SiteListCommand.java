package org.sitekeeper.sites.internal.shell;

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
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteService;
import org.sitekeeper.sites.internal.rest.SitesResource;

@Service
@Command(scope = "site", name = "list", description = "Lists registered sites.")
public class SiteListCommand implements Action {

    @Option(name = "--status", aliases = "-s", description = "pending, active, disconnected or error")
    @Completion(StatusCompleter.class)
    private String status;

    @Option(name = "--group", aliases = "-g", description = "Only this group")
    private String group;

    @Option(name = "--tag", aliases = "-t", description = "Only sites with this tag")
    private String tag;

    @Option(name = "--query", aliases = "-q", description = "Name or URL contains this")
    private String query;

    @Option(name = "--limit", aliases = "-n", description = "How many (default 50, at most 500)")
    private String limit;

    @Option(name = "--cursor", description = "Continue after the page that printed this cursor")
    private String cursor;

    @Reference
    private SiteService sites;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        Page<SiteDto> page =
                sites.list(SitesResource.query(status, group, tag, query, null, PageRequest.parse(limit, cursor)));
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name").maxSize(30);
        table.column("URL").maxSize(50);
        table.column("Status");
        table.column("Group").maxSize(20);
        table.column("Tags").maxSize(30);
        table.column("Last seen");
        for (SiteDto site : page.items()) {
            table.addRow()
                    .addContent(
                            site.id(),
                            site.name(),
                            site.url(),
                            site.status().wireName(),
                            site.group() == null ? "" : site.group(),
                            String.join(",", site.tags()),
                            Format.ago(site.lastSeenAt(), now));
        }
        table.print(session.getConsole());
        session.getConsole()
                .println(page.items().size() + " of " + page.total() + " sites"
                        + (page.nextCursor() == null ? "" : "; more with --cursor " + page.nextCursor()));
        return null;
    }
}
