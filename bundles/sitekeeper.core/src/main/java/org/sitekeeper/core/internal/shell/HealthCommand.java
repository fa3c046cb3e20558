package org.sitekeeper.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.health.ComponentHealth;
import org.sitekeeper.core.api.health.HubHealth;
import org.sitekeeper.core.api.health.HubHealthReport;

@Service
@Command(
        scope = "sitekeeper",
        name = "health",
        description = "Shows the hub's health: database, scheduler, capabilities.")
public class HealthCommand implements Action {

    @Reference
    private HubHealth health;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        HubHealthReport report = health.report();
        session.getConsole().println("Hub: " + report.status());
        ShellTable table = new ShellTable();
        table.column("Part");
        table.column("Status");
        table.column("Detail").maxSize(70);
        row(table, report.database());
        row(table, report.scheduler());
        report.capabilities().forEach(c -> row(table, c));
        table.print(session.getConsole());
        return null;
    }

    private static void row(ShellTable table, ComponentHealth part) {
        table.addRow().addContent(part.name(), part.status(), part.detail() == null ? "" : part.detail());
    }
}
