package org.sitekeeper.core.api.scheduling;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Quartz for every capability: a few coarse jobs per capability ("dispatch due checks every 5 s"), each
 * with a stable name. On one node jobs are kept in memory; on several nodes sharing PostgreSQL the
 * job store is clustered and each firing runs on exactly one node. A job never runs concurrently with itself.
 * Jobs must be quick or hand their work to bounded executors.
 */
@ProviderType
public interface JobScheduler {

    /**
     * Schedules {@code job} under {@code name}, replacing the trigger of a job of that name; idempotent, so a
     * bundle calls it on every activation.
     *
     * @param name stable, cluster-wide name: {@code <capability>.<job>}
     */
    void schedule(String name, String description, JobTrigger trigger, Runnable job);

    /**
     * Stops running {@code job} on this node (when its bundle stops). In a cluster the schedule stays so the
     * other nodes carry on; on a single node it is removed.
     */
    void release(String name);

    /** The jobs known to this node, by name. */
    List<JobInfo> jobs();

    /**
     * Runs a job now, in addition to its schedule.
     *
     * @throws org.sitekeeper.core.api.error.NotFoundException when there is no such job
     */
    void runNow(String name);
}
