package org.sitekeeper.notifications.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.api.Recurrence;
import org.sitekeeper.notifications.api.SilenceDto;

@Service
@Command(scope = "notify", name = "silences", description = "Lists silences and maintenance windows.")
public class SilencesCommand implements Action {

    @Option(name = "--all", aliases = "-a", description = "Include ended ones")
    private boolean all;

    @Reference
    private NotificationService notifications;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Kind");
        table.column("Active");
        table.column("Covers").maxSize(50);
        table.column("When").maxSize(50);
        table.column("By");
        table.column("Reason").maxSize(40);
        for (SilenceDto s : notifications.silences(all)) {
            table.addRow()
                    .addContent(
                            s.id(),
                            s.kind(),
                            s.activeNow() ? "yes" : "no",
                            covers(s),
                            when(s),
                            s.createdBy(),
                            s.reason() == null ? "" : s.reason());
        }
        table.print(session.getConsole());
        return null;
    }

    static String covers(SilenceDto s) {
        StringBuilder out = new StringBuilder();
        if (!s.siteIds().isEmpty()) {
            out.append("sites ").append(s.siteIds()).append(' ');
        }
        if (!s.groups().isEmpty()) {
            out.append("groups ").append(s.groups()).append(' ');
        }
        if (!s.topics().isEmpty()) {
            out.append("topics ").append(s.topics());
        }
        return out.length() == 0 ? "everything" : out.toString().strip();
    }

    static String when(SilenceDto s) {
        Recurrence r = s.recurrence();
        String range =
                Format.instant(s.startsAt()) + " → " + (s.endsAt() == null ? "open" : Format.instant(s.endsAt()));
        if (r == null) {
            return range;
        }
        return String.join(",", r.days()) + " " + r.start() + " for " + r.durationMinutes() + " min (" + r.timeZone()
                + "), " + range;
    }
}
