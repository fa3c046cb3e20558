package org.sitekeeper.telemetry.internal.shell;

import java.io.PrintStream;
import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.telemetry.api.InstallationDetail;
import org.sitekeeper.telemetry.api.TelemetryService;

@Service
@Command(
        scope = "telemetry",
        name = "show",
        description = "Shows one plugin installation with its toggles in force, recent events and upgrade notices.")
public class TelemetryShowCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The installation's id (telemetry:list)")
    @Completion(InstallationIdCompleter.class)
    private String id;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        InstallationDetail detail =
                telemetry.find(id.strip()).orElseThrow(() -> NotFoundException.of("installation", id.strip()));
        PrintStream out = session.getConsole();
        TelemetryTables.installation(detail.installation(), Instant.now(), out);
        out.println();
        if (detail.activeToggles().isEmpty()) {
            out.println("No toggle in force.");
        } else {
            out.println("Toggles in force:");
            TelemetryTables.toggles(detail.activeToggles(), out);
        }
        out.println();
        if (detail.recentEvents().isEmpty()) {
            out.println("No events yet.");
        } else {
            out.println("Recent events:");
            TelemetryTables.events(detail.recentEvents(), out);
        }
        out.println();
        if (detail.notifications().isEmpty()) {
            out.println("No upgrade notices sent.");
        } else {
            out.println("Upgrade notices:");
            TelemetryTables.notices(detail.notifications(), out);
        }
        return null;
    }
}
