package org.sitekeeper.notifications.internal.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.notifications.api.DeliveryDto;
import org.sitekeeper.notifications.api.NotificationService;

@Service
@Command(scope = "notify", name = "show", description = "Shows one delivery with every attempt.")
public class ShowCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "Delivery id (from notify:log)")
    private long id;

    @Reference
    private NotificationService notifications;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        DeliveryDto d = notifications.delivery(id).orElseThrow(() -> NotFoundException.of("notification", id));
        PrintStream out = session.getConsole();
        ShellTable table = new ShellTable().noHeaders();
        table.column("Field");
        table.column("Value").maxSize(100);
        table.addRow().addContent("Id", d.id());
        table.addRow().addContent("Subject", d.subject());
        table.addRow().addContent("Kind", d.kind());
        table.addRow().addContent("Status", d.status());
        table.addRow().addContent("Channel", d.channelName() + " (" + d.channelId() + ")");
        table.addRow().addContent("Recipients", d.recipients().isEmpty() ? "-" : String.join(", ", d.recipients()));
        table.addRow().addContent("Alert key", d.alertKey() == null ? "-" : d.alertKey());
        table.addRow().addContent("Topic", d.topic() == null ? "-" : d.topic());
        table.addRow().addContent("Severity", d.severity());
        table.addRow().addContent("Rule", d.ruleId() == null ? "-" : d.ruleId());
        table.addRow().addContent("Created", Format.instant(d.createdAt()));
        table.addRow().addContent("Next attempt", d.nextAttemptAt() == null ? "-" : Format.instant(d.nextAttemptAt()));
        table.addRow().addContent("Delivered", d.deliveredAt() == null ? "-" : Format.instant(d.deliveredAt()));
        table.addRow().addContent("Attempts", d.attempts());
        table.addRow().addContent("Last error", d.lastError() == null ? "-" : d.lastError());
        if (d.groupedInto() != null) {
            table.addRow().addContent("Sent as part of", d.groupedInto());
        }
        if (d.suppressedBy() != null) {
            table.addRow().addContent("Suppressed by", "silence " + d.suppressedBy());
        }
        table.print(out);
        if (!d.attemptLog().isEmpty()) {
            out.println();
            ShellTable attempts = new ShellTable();
            attempts.column("When");
            attempts.column("Outcome");
            attempts.column("Took").alignRight();
            attempts.column("Detail").maxSize(80);
            d.attemptLog().forEach(a -> attempts.addRow()
                    .addContent(
                            Format.instant(a.at()),
                            a.outcome(),
                            a.durationMillis() + " ms",
                            a.detail() == null ? "" : a.detail()));
            attempts.print(out);
        }
        return null;
    }
}
