package org.sitekeeper.telemetry.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.telemetry.api.MonitoringRun;
import org.sitekeeper.telemetry.api.TelemetryService;

@Service
@Command(
        scope = "telemetry",
        name = "run",
        description = "Runs the telemetry monitoring now and shows what it did: hourly (statuses, error rates,"
                + " staleness) or daily (health metrics, fleet alerts, security notices).")
public class TelemetryRunCommand implements Action {

    @Argument(index = 0, name = "kind", description = "hourly (default) or daily")
    @Completion(
            value = StringsCompleter.class,
            values = {"hourly", "daily"})
    private String kind;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        String which = Validate.oneOf("kind", kind == null ? "hourly" : kind, List.of("hourly", "daily"));
        MonitoringRun run = which.equals("daily") ? telemetry.runDaily() : telemetry.runHourly();
        audit.record(actor, "telemetry.run", "telemetry:" + which, AuditOutcome.SUCCESS, null);
        session.getConsole().println(TelemetryTables.run(run));
        return null;
    }
}
