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
@Command(
        scope = "telemetry",
        name = "key-revoke",
        description = "Revokes a merchant API key at once: heartbeats and events with it are refused.")
public class TelemetryKeyRevokeCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The key's id (telemetry:keys)")
    @Completion(KeyIdCompleter.class)
    private String id;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        telemetry.revokeKey(id.strip(), actor);
        session.getConsole().println("Revoked merchant key " + id.strip());
        return null;
    }
}
