package org.sitekeeper.notifications.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.api.SilenceDto;

@Service
@Command(
        scope = "notify",
        name = "unsilence",
        description = "Ends a silence or maintenance window now (it stays on record).")
public class UnsilenceCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "Silence id (from notify:silences)")
    private long id;

    @Reference
    private NotificationService notifications;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        SilenceDto silence = notifications.expireSilence(id, actor);
        session.getConsole().println(silence.kind() + " " + silence.id() + " ended");
        return null;
    }
}
