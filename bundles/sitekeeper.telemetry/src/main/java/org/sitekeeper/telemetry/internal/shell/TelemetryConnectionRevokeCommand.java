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
import org.sitekeeper.telemetry.api.ConnectionService;

@Service
@Command(
        scope = "telemetry",
        name = "connection-revoke",
        description = "Revokes a WordPress connection's bot token at once: its heartbeats are refused.")
public class TelemetryConnectionRevokeCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The connection's id (telemetry:connections)")
    @Completion(ConnectionIdCompleter.class)
    private String id;

    @Reference
    private ConnectionService connections;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        connections.revokeToken(id.strip(), actor);
        session.getConsole().println("Revoked the token of connection " + id.strip());
        return null;
    }
}
