package org.sitekeeper.uptime.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.scheduling.JobScheduler;
import org.sitekeeper.core.api.scheduling.JobTrigger;
import org.sitekeeper.uptime.internal.store.HistoryStore;

/**
 * The coarse Quartz jobs of uptime: rolling up finished hours (every five minutes, catching up after a pause) and
 * cleaning up old history (hourly). Both run once per cluster.
 */
@Component(immediate = true, configurationPid = UptimeConfig.PID)
public final class UptimeJobs {

    static final String ROLLUP = "uptime.rollup";
    static final String RETENTION = "uptime.retention";
    /** Results of an hour may still be written this long after it ended. */
    private static final Duration SETTLE = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(UptimeJobs.class);

    private final JobScheduler scheduler;
    private final HistoryStore history;
    private final Clock clock;
    private volatile UptimeConfig config;

    @Activate
    public UptimeJobs(
            @Reference JobScheduler scheduler,
            @Reference UptimeStores stores,
            @Reference Clock clock,
            UptimeConfig config) {
        this.scheduler = scheduler;
        this.history = stores.history();
        this.clock = clock;
        this.config = config;
        scheduler.schedule(
                ROLLUP,
                "Roll up finished hours of uptime results",
                JobTrigger.every(Duration.ofMinutes(5)),
                this::rollUp);
        scheduler.schedule(
                RETENTION,
                "Delete uptime history past its retention",
                JobTrigger.every(Duration.ofHours(1)),
                this::purge);
    }

    @Modified
    void modified(UptimeConfig changed) {
        this.config = changed;
    }

    @Deactivate
    void deactivate() {
        scheduler.release(ROLLUP);
        scheduler.release(RETENTION);
    }

    /** Rolls up every finished hour not rolled up yet (at most two days per run). */
    public int rollUp() {
        int hours = 0;
        Instant now = clock.instant();
        while (hours < 48) {
            Instant done = history.rollUpNextHour(now, SETTLE);
            if (done == null) {
                break;
            }
            hours++;
        }
        if (hours > 1) {
            LOG.info("Rolled up {} hours of uptime results", hours);
        }
        return hours;
    }

    public HistoryStore.Removed purge() {
        Instant now = clock.instant();
        HistoryStore.Removed removed = history.purge(
                now.minus(Duration.ofHours(Math.max(1, config.raw__retention__hours())))
                        .toEpochMilli(),
                now.minus(Duration.ofDays(Math.max(2, config.hour__retention__days())))
                        .toEpochMilli(),
                now.minus(Duration.ofDays(Math.max(31, config.day__retention__days())))
                        .toEpochMilli());
        if (removed.results() + removed.hourRollups() + removed.dayRollups() + removed.incidents() > 0) {
            LOG.info(
                    "Uptime retention removed {} results, {} hour and {} day rollups, {} incidents",
                    removed.results(),
                    removed.hourRollups(),
                    removed.dayRollups(),
                    removed.incidents());
        }
        return removed;
    }
}
