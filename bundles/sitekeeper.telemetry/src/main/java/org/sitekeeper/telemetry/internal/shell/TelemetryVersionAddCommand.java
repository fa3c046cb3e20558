package org.sitekeeper.telemetry.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.telemetry.api.NewVersion;
import org.sitekeeper.telemetry.api.TelemetryService;
import org.sitekeeper.telemetry.api.VersionDto;

@Service
@Command(
        scope = "telemetry",
        name = "version-add",
        description = "Registers a plugin version; installations of that CMS are compared with the latest one.",
        detailedDescription = "Examples:\n"
                + "  telemetry:version-add --latest woocommerce 1.3.5\n"
                + "  telemetry:version-add --latest --security --notes 'Fixes a CSRF' woocommerce 1.3.6")
public class TelemetryVersionAddCommand implements Action {

    @Argument(index = 0, name = "cms", required = true, description = "The CMS, lower case, e.g. woocommerce")
    @Completion(CmsCompleter.class)
    private String cms;

    @Argument(index = 1, name = "version", required = true, description = "The version, e.g. 1.3.5")
    private String version;

    @Option(name = "--latest", aliases = "-l", description = "This is the latest version of the CMS's plugin")
    private boolean latest;

    @Option(name = "--security", aliases = "-s", description = "This release fixes a security problem")
    private boolean security;

    @Option(name = "--notes", description = "Release notes")
    private String notes;

    @Option(name = "--released-at", description = "When it was released, ISO-8601 (default: not recorded)")
    private String releasedAt;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        VersionDto v =
                telemetry.registerVersion(new NewVersion(cms, version, latest, security, notes, releasedAt), actor);
        session.getConsole()
                .println("Registered " + v.cms() + " " + v.version()
                        + (v.latest() ? " (latest)" : "")
                        + (v.isSecurity() ? " (security release)" : "")
                        + "; installations are compared with it within a few seconds");
        return null;
    }
}
