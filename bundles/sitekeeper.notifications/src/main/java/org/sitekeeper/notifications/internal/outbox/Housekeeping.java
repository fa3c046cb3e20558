package org.sitekeeper.notifications.internal.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.scheduling.JobScheduler;
import org.sitekeeper.core.api.scheduling.JobTrigger;
import org.sitekeeper.notifications.internal.domain.RuleSpec;
import org.sitekeeper.notifications.internal.intake.AlertProcessor;
import org.sitekeeper.notifications.internal.service.MessageRenderer;
import org.sitekeeper.notifications.internal.service.NotificationStores;
import org.sitekeeper.notifications.internal.service.NotificationsConfig;
import org.sitekeeper.notifications.internal.service.Routing;
import org.sitekeeper.notifications.internal.store.FiringRoute;

/**
 * The scheduled side of notifications: reminders for alerts still firing (each rule's repeat interval) and the
 * daily clean-up of the delivery log, the inbox, closed alerts and ended silences.
 */
@Component(service = Housekeeping.class, configurationPid = NotificationsConfig.PID)
public final class Housekeeping {

    static final String REMINDERS = "notifications.reminders";
    static final String RETENTION = "notifications.retention";
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final int REMINDERS_PER_RUN = 500;

    private final NotificationStores stores;
    private final Routing routing;
    private final Dispatcher dispatcher;
    private final JobScheduler scheduler;
    private final Clock clock;
    private final AlertProcessor processor;
    private final Period retention;

    @Activate
    public Housekeeping(
            @Reference NotificationStores stores,
            @Reference Routing routing,
            @Reference MessageRenderer renderer,
            @Reference Dispatcher dispatcher,
            @Reference JobScheduler scheduler,
            @Reference Clock clock,
            NotificationsConfig config) {
        this.stores = stores;
        this.routing = routing;
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
        this.clock = clock;
        this.processor =
                new AlertProcessor(renderer, Duration.ofHours(Math.max(1, config.delivery__deadline__hours())));
        this.retention = Period.ofDays(Math.max(1, config.retention__days()));
        scheduler.schedule(
                REMINDERS,
                "Sends reminders for alerts still firing after their rule's repeat interval",
                JobTrigger.every(Duration.ofMinutes(1)),
                this::remind);
        scheduler.schedule(
                RETENTION,
                "Deletes deliveries, inbox items, closed alerts and ended silences past their retention",
                JobTrigger.cron(config.retention__schedule()),
                this::purge);
    }

    @Deactivate
    void deactivate() {
        scheduler.release(REMINDERS);
        scheduler.release(RETENTION);
    }

    /** Queues the reminders that are due; returns how many deliveries were queued. */
    int remind() {
        Instant now = clock.instant();
        Routing.Snapshot snapshot = routing.snapshot();
        int queued = 0;
        for (RuleSpec rule : snapshot.rules()) {
            if (!rule.enabled() || rule.repeat().isZero()) {
                continue;
            }
            for (FiringRoute route :
                    stores.outbox().firingRoutes(rule.id(), now.minus(rule.repeat()), REMINDERS_PER_RUN)) {
                queued += stores.outbox()
                        .inTransaction(tx -> processor.remind(
                                tx, route, routing.site(route.event().siteId()), snapshot, now));
            }
        }
        if (queued > 0) {
            dispatcher.wake();
        }
        return queued;
    }

    /** Deletes what is past retention; returns how many deliveries went. */
    int purge() {
        Instant cutoff = clock.instant().minus(retention);
        int deliveries = stores.outbox().purge(cutoff);
        int inbox = stores.inbox().purge(cutoff);
        int silences = stores.silences().purgeEndedBefore(cutoff);
        if (deliveries + inbox + silences > 0) {
            LOG.info(
                    "Retention: deleted {} deliveries, {} inbox items and {} ended silences older than {}",
                    deliveries,
                    inbox,
                    silences,
                    cutoff);
        }
        return deliveries;
    }
}
