package org.sitekeeper.telemetry.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.telemetry.api.ConnectionService;
import org.sitekeeper.telemetry.api.IssuedConnectionToken;

@Service
@Command(
        scope = "telemetry",
        name = "connection-token",
        description = "Issues a bot token for a WordPress site's plugin (X-Bot-Token); it is shown only once.")
public class TelemetryConnectionTokenCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "What the connection is, e.g. the site")
    private String name;

    @Reference
    private ConnectionService connections;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        IssuedConnectionToken issued = connections.createToken(name, actor);
        session.getConsole()
                .println("Connection " + issued.connection().id() + " ("
                        + issued.connection().name() + ") — token shown only now:");
        session.getConsole().println(issued.token());
        return null;
    }
}
