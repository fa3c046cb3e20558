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
import org.sitekeeper.sites.api.NewSite;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteService;

@Service
@Command(scope = "site", name = "add", description = "Registers a site.")
public class SiteAddCommand implements Action {

    @Argument(index = 0, name = "url", required = true, description = "http or https URL of the site")
    private String url;

    @Option(name = "--name", description = "Display name (default: the host name)")
    private String name;

    @Option(name = "--group", aliases = "-g", description = "Site group")
    private String group;

    @Option(name = "--tag", aliases = "-t", multiValued = true, description = "A tag (repeat for more)")
    private List<String> tags;

    @Option(name = "--notes", description = "Free text")
    private String notes;

    @Option(name = "--owner", description = "Owning account (admins only; default: you)")
    private String owner;

    @Option(name = "--status", aliases = "-s", description = "Initial status (default pending)")
    @Completion(StatusCompleter.class)
    private String status;

    @Reference
    private SiteService sites;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        SiteDto site = sites.create(
                new NewSite(url, name, group, tags, owner, notes, status), Subjects.currentShellActor(Role.OPS));
        session.getConsole()
                .println("Added site " + site.id() + ": " + site.url() + " ("
                        + site.status().wireName() + ")");
        return null;
    }
}
