package org.sitekeeper.telemetry.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.telemetry.api.ConnectionService;

/** Completes the ids of WordPress connections whose token is not revoked. */
@Service
public class ConnectionIdCompleter implements Completer {

    @Reference
    private ConnectionService connections;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        connections.connections().stream().filter(c -> c.revokedAt() == null).forEach(c -> ids.getStrings()
                .add(c.id()));
        return ids.complete(session, commandLine, candidates);
    }
}
