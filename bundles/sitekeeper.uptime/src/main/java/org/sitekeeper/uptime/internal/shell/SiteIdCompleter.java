package org.sitekeeper.uptime.internal.shell;

import java.util.List;
import java.util.Objects;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorQuery;
import org.sitekeeper.uptime.api.UptimeService;

/** Completes the ids of sites that have monitors (among the first few hundred monitors). */
@Service
public class SiteIdCompleter implements Completer {

    @Reference
    private UptimeService uptime;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        uptime.list(MonitorQuery.all(new PageRequest(PageRequest.MAX_LIMIT, 0))).items().stream()
                .map(MonitorDto::siteId)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(site -> ids.getStrings().add(Long.toString(site)));
        return ids.complete(session, commandLine, candidates);
    }
}
