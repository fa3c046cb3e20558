package org.sitekeeper.core.internal.shell;

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
import org.sitekeeper.core.api.audit.AuditEntry;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.audit.AuditQuery;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.core.api.validation.Validate;

@Service
@Command(scope = "audit", name = "list", description = "Shows the audit log, newest first.")
public class AuditListCommand implements Action {

    @Option(name = "--actor", description = "Only this actor")
    private String actor;

    @Option(name = "--action", description = "Only actions starting with this, e.g. site.")
    private String action;

    @Option(name = "--target", description = "Only this target, e.g. site:42")
    private String target;

    @Option(name = "--outcome", description = "success, failure or denied")
    private String outcome;

    @Option(name = "--since", description = "From this ISO-8601 instant")
    private String since;

    @Option(name = "--limit", aliases = "-n", description = "How many entries (default 50, at most 500)")
    private String limit;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.ADMIN);
        Page<AuditEntry> page = audit.query(new AuditQuery(
                actor,
                action,
                target,
                AuditOutcome.parse("outcome", outcome),
                Validate.instant("since", since),
                null,
                PageRequest.parse(limit, null)));
        ShellTable table = new ShellTable();
        table.column("When");
        table.column("Actor");
        table.column("Role");
        table.column("Via");
        table.column("Action");
        table.column("Target");
        table.column("Outcome");
        table.column("Detail").maxSize(60);
        for (AuditEntry entry : page.items()) {
            table.addRow()
                    .addContent(
                            Format.instant(entry.at()),
                            entry.actor(),
                            entry.role(),
                            entry.channel(),
                            entry.action(),
                            entry.target() == null ? "" : entry.target(),
                            entry.outcome().wireName(),
                            entry.detail() == null ? "" : entry.detail());
        }
        table.print(session.getConsole());
        session.getConsole().println(page.items().size() + " of " + page.total() + " entries");
        return null;
    }
}
