package org.sitekeeper.notifications.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.notifications.api.DeliveryDto;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.internal.rest.DeliveriesResource;

@Service
@Command(scope = "notify", name = "log", description = "Shows the delivery log, newest first.")
public class LogCommand implements Action {

    @Option(name = "--status", aliases = "-s", description = "pending, delivered, failed, suppressed or grouped")
    private String status;

    @Option(name = "--channel", aliases = "-c", description = "Only this channel (id or name)")
    private String channel;

    @Option(name = "--key", aliases = "-k", description = "Only this alert key")
    private String alertKey;

    @Option(name = "--topic", aliases = "-t", description = "Only topics starting with this, e.g. sitekeeper/uptime/")
    private String topic;

    @Option(name = "--site", description = "Only this site id")
    private String site;

    @Option(name = "--since", description = "Only since this ISO-8601 instant")
    private String since;

    @Option(name = "--limit", aliases = "-n", description = "How many (default 50, at most 500)")
    private String limit;

    @Option(name = "--cursor", description = "Continue after the page that printed this cursor")
    private String cursor;

    @Reference
    private NotificationService notifications;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        String channelId = channel == null
                ? null
                : Long.toString(ChannelRef.find(notifications, channel).id());
        Page<DeliveryDto> page = notifications.deliveries(DeliveriesResource.query(
                status, channelId, alertKey, topic, site, since, PageRequest.parse(limit, cursor)));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Created");
        table.column("Kind");
        table.column("Status");
        table.column("Channel").maxSize(20);
        table.column("Subject").maxSize(50);
        table.column("Tries").alignRight();
        table.column("Error").maxSize(40);
        for (DeliveryDto d : page.items()) {
            table.addRow()
                    .addContent(
                            d.id(),
                            Format.instant(d.createdAt()),
                            d.kind(),
                            d.status(),
                            d.channelName(),
                            d.subject(),
                            d.attempts(),
                            d.lastError() == null ? "" : d.lastError());
        }
        table.print(session.getConsole());
        session.getConsole()
                .println(page.items().size() + " of " + page.total() + " deliveries"
                        + (page.nextCursor() == null ? "" : "; more with --cursor " + page.nextCursor()));
        return null;
    }
}
