package org.sitekeeper.core.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.scheduling.JobInfo;
import org.sitekeeper.core.api.scheduling.JobScheduler;

/** Completes scheduled job names. */
@Service
public class JobNameCompleter implements Completer {

    @Reference
    private JobScheduler scheduler;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        scheduler.jobs().stream().map(JobInfo::name).forEach(names.getStrings()::add);
        return names.complete(session, commandLine, candidates);
    }
}
