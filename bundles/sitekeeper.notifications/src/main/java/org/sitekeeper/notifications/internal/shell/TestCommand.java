package org.sitekeeper.notifications.internal.shell;

import java.util.List;

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
import org.sitekeeper.notifications.api.ChannelDto;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.api.TestResult;

@Service
@Command(
        scope = "notify",
        name = "test",
        description = "Sends a test message through a channel now and shows how it went.")
public class TestCommand implements Action {

    @Argument(index = 0, name = "channel", required = true, description = "Channel id or name")
    @Completion(ChannelCompleter.class)
    private String channel;

    @Argument(
            index = 1,
            name = "recipients",
            multiValued = true,
            description = "Recipients (e-mail addresses, phone numbers) for channels that need them")
    private List<String> recipients;

    @Reference
    private NotificationService notifications;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        ChannelDto target = ChannelRef.find(notifications, channel);
        TestResult result = notifications.testChannel(target.id(), recipients == null ? List.of() : recipients, actor);
        session.getConsole()
                .println("Test through " + target.name() + " (" + target.type() + "): " + result.outcome()
                        + (result.detail() == null ? "" : " — " + result.detail()) + " [delivery " + result.deliveryId()
                        + "]");
        return null;
    }
}
