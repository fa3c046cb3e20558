package org.sitekeeper.uptime.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.uptime.api.MonitorQuery;
import org.sitekeeper.uptime.api.UptimeService;

/** Completes monitor ids (the first few hundred). */
@Service
public class MonitorIdCompleter implements Completer {

    @Reference
    private UptimeService uptime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        uptime.list(MonitorQuery.all(new PageRequest(PageRequest.MAX_LIMIT, 0)))
                .items()
                .forEach(monitor -> ids.getStrings().add(Long.toString(monitor.id())));
        return ids.complete(session, commandLine, candidates);
    }
}
