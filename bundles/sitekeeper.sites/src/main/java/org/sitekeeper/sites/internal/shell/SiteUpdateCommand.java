package org.sitekeeper.sites.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.sites.api.SiteChanges;
import org.sitekeeper.sites.api.SiteService;

@Service
@Command(scope = "site", name = "update", description = "Changes a site; only the options given change.")
public class SiteUpdateCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The site's id")
    @Completion(SiteIdCompleter.class)
    private long id;

    @Option(name = "--url", description = "New URL")
    private String url;

    @Option(name = "--name", description = "New display name")
    private String name;

    @Option(name = "--group", aliases = "-g", description = "New group")
    private String group;

    @Option(name = "--no-group", description = "Take the site out of its group")
    private boolean noGroup;

    @Option(name = "--tag", aliases = "-t", multiValued = true, description = "Replace the tags (repeat for more)")
    private List<String> tags;

    @Option(name = "--no-tags", description = "Remove all tags")
    private boolean noTags;

    @Option(name = "--notes", description = "New notes")
    private String notes;

    @Option(name = "--owner", description = "New owner (admins only)")
    private String owner;

    @Option(name = "--status", aliases = "-s", description = "pending, active, disconnected or error")
    @Completion(StatusCompleter.class)
    private String status;

    @Reference
    private SiteService sites;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        SiteChanges changes = new SiteChanges();
        set(changes, SiteChanges.URL, url);
        set(changes, SiteChanges.NAME, name);
        set(changes, SiteChanges.GROUP, group);
        if (noGroup) {
            changes.with(SiteChanges.GROUP, null);
        }
        if (tags != null) {
            changes.with(SiteChanges.TAGS, tags);
        }
        if (noTags) {
            changes.with(SiteChanges.TAGS, List.of());
        }
        set(changes, SiteChanges.NOTES, notes);
        set(changes, SiteChanges.OWNER, owner);
        set(changes, SiteChanges.STATUS, status);
        SiteTables.printDetails(sites.update(id, changes, Subjects.currentShellActor(Role.OPS)), session.getConsole());
        return null;
    }

    private static void set(SiteChanges changes, String field, String value) {
        if (value != null) {
            changes.with(field, value);
        }
    }
}
