package org.sitekeeper.telemetry.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.telemetry.api.TelemetryService;

/** Completes the CMS names installations report and the registry knows. */
@Service
public class CmsCompleter implements Completer {

    @Reference
    private TelemetryService telemetry;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        telemetry.overview().cmsBreakdown().forEach(c -> names.getStrings().add(c.cms()));
        telemetry.versions(null).forEach(v -> names.getStrings().add(v.cms()));
        return names.complete(session, commandLine, candidates);
    }
}
