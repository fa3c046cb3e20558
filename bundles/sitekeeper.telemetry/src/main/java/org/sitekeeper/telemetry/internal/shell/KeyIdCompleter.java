package org.sitekeeper.telemetry.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.telemetry.api.TelemetryService;

/** Completes the ids of merchant keys not revoked yet. */
@Service
public class KeyIdCompleter implements Completer {

    @Reference
    private TelemetryService telemetry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        telemetry.keys(null).stream().filter(k -> k.revokedAt() == null).forEach(k -> ids.getStrings()
                .add(k.id()));
        return ids.complete(session, commandLine, candidates);
    }
}
