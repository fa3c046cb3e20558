package org.sitekeeper.core.internal.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.scheduling.JobTrigger;

/** The jobs registered on this node, and how their runs here went. */
final class JobRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(JobRegistry.class);

    /** A job and its local run statistics. */
    static final class Registration {
        final String description;
        final JobTrigger trigger;
        final Runnable job;
        volatile Instant lastStarted;
        volatile Duration lastDuration;
        volatile String lastOutcome;
        volatile boolean running;

        Registration(String description, JobTrigger trigger, Runnable job) {
            this.description = description;
            this.trigger = trigger;
            this.job = job;
        }
    }

    private final Clock clock;
    private final Map<String, Registration> jobs = new ConcurrentHashMap<>();

    JobRegistry(Clock clock) {
        this.clock = clock;
    }

    void put(String name, Registration registration) {
        jobs.put(name, registration);
    }

    void remove(String name) {
        jobs.remove(name);
    }

    Optional<Registration> get(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    Map<String, Registration> all() {
        return Map.copyOf(jobs);
    }

    /** Runs a job by name, recording start, duration and outcome; a failure is logged, never thrown. */
    void run(String name) {
        Registration registration = jobs.get(name);
        if (registration == null) {
            LOG.debug("Job {} fired but is not registered on this node (its capability is not installed here)", name);
            return;
        }
        Instant start = clock.instant();
        registration.lastStarted = start;
        registration.running = true;
        try {
            registration.job.run();
            registration.lastOutcome = "ok";
        } catch (RuntimeException | LinkageError e) {
            registration.lastOutcome =
                    "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            LOG.warn("Job {} failed", name, e);
        } finally {
            registration.running = false;
            registration.lastDuration = Duration.between(start, clock.instant());
        }
    }
}
