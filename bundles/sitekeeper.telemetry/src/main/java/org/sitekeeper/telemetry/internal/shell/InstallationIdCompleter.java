package org.sitekeeper.telemetry.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.telemetry.api.InstallationQuery;
import org.sitekeeper.telemetry.api.TelemetryService;

/** Completes installation ids (the first few hundred). */
@Service
public class InstallationIdCompleter implements Completer {

    @Reference
    private TelemetryService telemetry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        telemetry
                .list(new InstallationQuery(null, null, null, null, 0, PageRequest.MAX_LIMIT))
                .items()
                .forEach(i -> ids.getStrings().add(i.id()));
        return ids.complete(session, commandLine, candidates);
    }
}
