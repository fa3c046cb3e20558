package org.sitekeeper.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.scheduling.JobScheduler;
import org.sitekeeper.core.api.security.Subjects;

@Service
@Command(scope = "job", name = "run", description = "Runs a scheduled job now, in addition to its schedule.")
public class JobRunCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "The job (job:list)")
    @Completion(JobNameCompleter.class)
    private String name;

    @Reference
    private JobScheduler scheduler;

    @Reference
    private AuditLog audit;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        var actor = Subjects.currentShellActor(Role.ADMIN);
        scheduler.runNow(name);
        audit.record(actor, "job.run", "job:" + name, AuditOutcome.SUCCESS, null);
        session.getConsole().println("Started " + name);
        return null;
    }
}
