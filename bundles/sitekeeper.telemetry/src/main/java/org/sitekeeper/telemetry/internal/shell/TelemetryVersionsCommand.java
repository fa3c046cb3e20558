package org.sitekeeper.telemetry.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.telemetry.api.TelemetryService;
import org.sitekeeper.telemetry.api.VersionDto;

@Service
@Command(
        scope = "telemetry",
        name = "versions",
        description = "Lists the version registry: which version is the latest of each CMS, security releases.")
public class TelemetryVersionsCommand implements Action {

    @Option(name = "--cms", aliases = "-c", description = "Only this CMS")
    @Completion(CmsCompleter.class)
    private String cms;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        List<VersionDto> versions = telemetry.versions(cms);
        if (versions.isEmpty()) {
            session.getConsole()
                    .println("No version registered" + (cms == null ? "" : " for " + cms)
                            + "; add one with telemetry:version-add.");
            return null;
        }
        TelemetryTables.versions(versions, session.getConsole());
        return null;
    }
}
