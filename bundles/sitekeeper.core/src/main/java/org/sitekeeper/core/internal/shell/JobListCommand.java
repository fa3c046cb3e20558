package org.sitekeeper.core.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.scheduling.JobInfo;
import org.sitekeeper.core.api.scheduling.JobScheduler;
import org.sitekeeper.core.api.security.Subjects;

@Service
@Command(scope = "job", name = "list", description = "Lists scheduled jobs with their last and next run.")
public class JobListCommand implements Action {

    @Reference
    private JobScheduler scheduler;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Job");
        table.column("Schedule");
        table.column("Last run");
        table.column("Took");
        table.column("Outcome").maxSize(50);
        table.column("Next run");
        for (JobInfo job : scheduler.jobs()) {
            table.addRow()
                    .addContent(
                            job.name(),
                            job.trigger(),
                            job.running() ? "running" : Format.ago(job.lastStartedAt(), now),
                            Format.duration(job.lastDuration()),
                            job.lastOutcome() == null ? "-" : job.lastOutcome(),
                            job.nextRunAt() == null
                                    ? "-"
                                    : Format.instant(job.nextRunAt()) + " (" + Format.ago(job.nextRunAt(), now) + ")");
        }
        table.print(session.getConsole());
        return null;
    }
}
