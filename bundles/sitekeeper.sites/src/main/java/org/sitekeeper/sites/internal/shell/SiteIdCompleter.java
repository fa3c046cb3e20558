package org.sitekeeper.sites.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.sites.api.SiteQuery;
import org.sitekeeper.sites.api.SiteService;

/** Completes site ids (the first few hundred). */
@Service
public class SiteIdCompleter implements Completer {

    @Reference
    private SiteService sites;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        sites.list(SiteQuery.all(new PageRequest(PageRequest.MAX_LIMIT, 0)))
                .items()
                .forEach(site -> ids.getStrings().add(Long.toString(site.id())));
        return ids.complete(session, commandLine, candidates);
    }
}
