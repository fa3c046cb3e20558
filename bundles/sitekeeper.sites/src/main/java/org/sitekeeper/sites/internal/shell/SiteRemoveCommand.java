package org.sitekeeper.sites.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteService;

@Service
@Command(
        scope = "site",
        name = "remove",
        description = "Disconnects a site (kept with its history); with --purge removes it and its history.")
public class SiteRemoveCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The site's id")
    @Completion(SiteIdCompleter.class)
    private long id;

    @Option(name = "--purge", description = "Remove the site and its history for good")
    private boolean purge;

    @Reference
    private SiteService sites;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        if (purge) {
            sites.purge(id, actor);
            session.getConsole().println("Removed site " + id + " and its history");
        } else {
            SiteDto site = sites.disconnect(id, actor);
            session.getConsole().println("Disconnected site " + id + " (" + site.url() + "); its history is kept");
        }
        return null;
    }
}
