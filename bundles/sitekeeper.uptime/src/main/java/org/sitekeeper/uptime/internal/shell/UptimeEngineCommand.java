package org.sitekeeper.uptime.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.uptime.internal.engine.CheckEngine;
import org.sitekeeper.uptime.internal.service.UptimeServiceImpl;

@Service
@Command(
        scope = "uptime",
        name = "engine",
        description = "Shows this node's check engine: checks since start, slots in use, dispatch lag, problems.")
public class UptimeEngineCommand implements Action {

    @Reference
    private UptimeServiceImpl uptime;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        CheckEngine.Stats s = uptime.engineStats();
        ShellTable table = new ShellTable().noHeaders();
        table.column("Field");
        table.column("Value").maxSize(100);
        table.addRow().addContent("Checks since start", s.checks());
        table.addRow().addContent("Not counted (unknown)", s.unknown());
        table.addRow().addContent("Running", s.running());
        table.addRow().addContent("Leased (due soon, running or being stored)", s.outstanding());
        table.addRow().addContent("Waiting for a free slot", s.waitingForSlot());
        table.addRow()
                .addContent(
                        "Dispatch lag p50 / p99 / max",
                        s.lagP50Millis() + " / " + s.lagP99Millis() + " / " + s.lagMaxMillis() + " ms");
        table.addRow().addContent("Failed writes", s.writeFailures());
        table.addRow().addContent("Hub network", s.offlineReason() == null ? "ok" : "DEGRADED: " + s.offlineReason());
        table.addRow().addContent("Last error", s.lastError() == null ? "-" : s.lastError());
        table.print(session.getConsole());
        return null;
    }
}
