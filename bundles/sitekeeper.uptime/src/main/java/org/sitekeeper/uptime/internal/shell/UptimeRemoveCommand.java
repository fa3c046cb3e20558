package org.sitekeeper.uptime.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.UptimeService;

@Service
@Command(scope = "uptime", name = "remove", description = "Removes a monitor with its history and incidents.")
public class UptimeRemoveCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The monitor's id")
    @Completion(MonitorIdCompleter.class)
    private long id;

    @Reference
    private UptimeService uptime;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        MonitorDto monitor = uptime.find(id).orElseThrow(() -> NotFoundException.of("monitor", id));
        uptime.delete(id, actor);
        session.getConsole()
                .println("Removed monitor " + id + " (" + monitor.name() + ", " + monitor.url() + ") and its history");
        return null;
    }
}
