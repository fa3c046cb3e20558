package org.sitekeeper.sites.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.sites.api.SiteService;

@Service
@Command(scope = "site", name = "show", description = "Shows one site.")
public class SiteShowCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The site's id")
    @Completion(SiteIdCompleter.class)
    private long id;

    @Reference
    private SiteService sites;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        SiteTables.printDetails(
                sites.find(id).orElseThrow(() -> NotFoundException.of("site", id)), session.getConsole());
        return null;
    }
}
