package org.sitekeeper.notifications.internal.shell;

import java.util.Map;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.notifications.api.ChannelDto;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.api.RuleDto;

@Service
@Command(scope = "notify", name = "rules", description = "Lists routing rules in evaluation order.")
public class RulesCommand implements Action {

    @Reference
    private NotificationService notifications;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        Map<Long, String> names =
                notifications.channels().stream().collect(Collectors.toMap(ChannelDto::id, ChannelDto::name));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Pos").alignRight();
        table.column("Name").maxSize(30);
        table.column("On");
        table.column("Matches").maxSize(50);
        table.column("Sends to").maxSize(40);
        table.column("Cooldown/repeat/wait");
        for (RuleDto r : notifications.rules()) {
            StringBuilder matches = new StringBuilder(r.isDefault() ? "default; " : "");
            matches.append(r.topics().isEmpty() ? "any topic" : String.join(",", r.topics()));
            matches.append("; ≥").append(r.minSeverity());
            if (!r.siteIds().isEmpty()) {
                matches.append("; sites ").append(r.siteIds());
            }
            if (!r.groups().isEmpty()) {
                matches.append("; groups ").append(r.groups());
            }
            if (!r.tags().isEmpty()) {
                matches.append("; tags ").append(r.tags());
            }
            String targets = r.targets().stream()
                    .map(t -> names.getOrDefault(t.channelId(), "#" + t.channelId())
                            + (t.recipients().isEmpty() ? "" : " " + t.recipients()))
                    .collect(Collectors.joining(", "));
            table.addRow()
                    .addContent(
                            r.id(),
                            r.position(),
                            r.name(),
                            r.enabled() ? "yes" : "no",
                            matches,
                            targets,
                            r.cooldownMinutes() + "m/" + r.repeatMinutes() + "m/" + r.groupWaitSeconds() + "s");
        }
        table.print(session.getConsole());
        return null;
    }
}
