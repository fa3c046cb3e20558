package org.sitekeeper.telemetry.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.telemetry.api.TelemetryService;

/** Completes the registered versions (of every CMS). */
@Service
public class VersionCompleter implements Completer {

    @Reference
    private TelemetryService telemetry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter versions = new StringsCompleter();
        telemetry.versions(null).forEach(v -> versions.getStrings().add(v.version()));
        return versions.complete(session, commandLine, candidates);
    }
}
