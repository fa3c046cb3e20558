package org.sitekeeper.uptime.internal.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.UptimeService;
import org.sitekeeper.uptime.internal.view.UptimeText;

@Service
@Command(
        scope = "uptime",
        name = "check",
        description = "Checks a monitor now (recorded like a scheduled check) and shows how it went.")
public class UptimeCheckCommand implements Action {

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
        CheckResultDto result = uptime.checkNow(id, actor);
        PrintStream out = session.getConsole();
        out.println("Monitor " + monitor.id() + " (" + monitor.name() + "): "
                + result.outcome().wireName());
        ShellTable table = new ShellTable().noHeaders();
        table.column("Field");
        table.column("Value").maxSize(100);
        table.addRow().addContent("URL", monitor.url());
        table.addRow().addContent("Outcome", result.outcome().wireName());
        table.addRow().addContent("Response", UptimeText.millis(result.responseMs()));
        table.addRow().addContent("Status", result.statusCode() == null ? "-" : result.statusCode());
        table.addRow()
                .addContent(
                        "Cause", result.cause() == null ? "-" : result.cause().wireName());
        table.addRow().addContent("Detail", result.detail() == null ? "-" : UptimeListCommand.oneLine(result.detail()));
        if (result.certificateExpiresAt() != null) {
            table.addRow().addContent("Certificate expires", Format.instant(result.certificateExpiresAt()));
        }
        table.addRow().addContent("Checked at", Format.instant(result.checkedAt()));
        table.print(out);
        return null;
    }
}
