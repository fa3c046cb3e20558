package org.sitekeeper.telemetry.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.telemetry.api.TelemetryService;

@Service
@Command(scope = "telemetry", name = "version-remove", description = "Removes a version from the registry.")
public class TelemetryVersionRemoveCommand implements Action {

    @Argument(index = 0, name = "cms", required = true, description = "The CMS")
    @Completion(CmsCompleter.class)
    private String cms;

    @Argument(index = 1, name = "version", required = true, description = "The version (telemetry:versions)")
    @Completion(VersionCompleter.class)
    private String version;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        telemetry.removeVersion(cms, version, actor);
        session.getConsole().println("Removed " + cms + " " + version + " from the registry");
        return null;
    }
}
