package org.sitekeeper.telemetry.internal.service;

import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.scheduling.JobScheduler;
import org.sitekeeper.core.api.scheduling.JobTrigger;

/** Telemetry's Quartz jobs: hourly and daily monitoring, and the connections' staleness every minute. */
@Component(immediate = true, configurationPid = TelemetryConfig.PID)
public final class TelemetryJobs {

    static final String HOURLY = "telemetry.hourly";
    static final String DAILY = "telemetry.daily";
    static final String CONNECTIONS = "telemetry.connections";
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryJobs.class);

    private final JobScheduler scheduler;

    @Activate
    public TelemetryJobs(
            @Reference JobScheduler scheduler,
            @Reference TelemetryServiceImpl telemetry,
            @Reference ConnectionServiceImpl connections,
            TelemetryConfig config) {
        this.scheduler = scheduler;
        scheduler.schedule(
                HOURLY,
                "Telemetry: mark outdated and stale installations, recompute error rates",
                JobTrigger.cron(config.hourly__cron()),
                () -> LOG.info("Telemetry hourly run: {}", telemetry.runHourly()));
        scheduler.schedule(
                DAILY,
                "Telemetry: health metrics, fleet alerts, security notices, retention",
                JobTrigger.cron(config.daily__cron()),
                telemetry::runDaily);
        scheduler.schedule(
                CONNECTIONS,
                "Telemetry: alert on WordPress connections without a heartbeat",
                JobTrigger.every(Duration.ofMinutes(1)),
                connections::checkStale);
    }

    @Deactivate
    void deactivate() {
        scheduler.release(HOURLY);
        scheduler.release(DAILY);
        scheduler.release(CONNECTIONS);
    }
}
