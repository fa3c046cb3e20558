package org.sitekeeper.telemetry.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.ConnectionService;

@Service
@Command(
        scope = "telemetry",
        name = "connections",
        description = "Lists WordPress connections (bot tokens): connected or not, site, plugin version, last sync.")
public class TelemetryConnectionsCommand implements Action {

    @Reference
    private ConnectionService connections;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        List<ConnectionDto> all = connections.connections();
        if (all.isEmpty()) {
            session.getConsole().println("No connections; issue a bot token with telemetry:connection-token.");
            return null;
        }
        TelemetryTables.connections(all, session.getConsole());
        long connected = all.stream().filter(ConnectionDto::wordpressConnected).count();
        session.getConsole().println(connected + " of " + all.size() + " connected");
        return null;
    }
}
