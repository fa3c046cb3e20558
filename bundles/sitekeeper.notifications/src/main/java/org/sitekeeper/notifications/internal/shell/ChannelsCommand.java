package org.sitekeeper.notifications.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.notifications.api.ChannelDto;
import org.sitekeeper.notifications.api.NotificationService;

@Service
@Command(
        scope = "notify",
        name = "channels",
        description = "Lists notification channels and how their last delivery went.")
public class ChannelsCommand implements Action {

    @Reference
    private NotificationService notifications;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name").maxSize(30);
        table.column("Type");
        table.column("Enabled");
        table.column("Last delivery");
        table.column("Status");
        table.column("Last error").maxSize(60);
        for (ChannelDto c : notifications.channels()) {
            table.addRow()
                    .addContent(
                            c.id(),
                            c.name(),
                            c.type(),
                            c.enabled() ? "yes" : "no",
                            Format.ago(c.lastDeliveryAt(), now),
                            c.lastDeliveryStatus() == null ? "-" : c.lastDeliveryStatus(),
                            c.lastError() == null ? "" : c.lastError());
        }
        table.print(session.getConsole());
        return null;
    }
}
