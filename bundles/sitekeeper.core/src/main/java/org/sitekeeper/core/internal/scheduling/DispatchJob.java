package org.sitekeeper.core.internal.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;

/** The one Quartz job class: runs the registered job of the same name. Never runs concurrently with itself. */
@DisallowConcurrentExecution
public final class DispatchJob implements Job {

    static final String REGISTRY = "sitekeeper.registry";

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            JobRegistry registry =
                    (JobRegistry) context.getScheduler().getContext().get(REGISTRY);
            registry.run(context.getJobDetail().getKey().getName());
        } catch (SchedulerException e) {
            throw new JobExecutionException(e);
        }
    }
}
