package org.sitekeeper.notifications.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.health.Capability;
import org.sitekeeper.core.api.health.ComponentHealth;
import org.sitekeeper.core.api.health.HealthStatus;
import org.sitekeeper.notifications.internal.intake.Intake;
import org.sitekeeper.notifications.internal.outbox.Dispatcher;
import org.sitekeeper.notifications.internal.store.Outbox;

/**
 * Announces notifications to the hub. Degraded while events are being dropped or the outbox falls behind (a
 * delivery due for more than five minutes), down when the outbox cannot be read. The counts are cached for a few
 * seconds so health checks stay cheap.
 */
@Component
public final class NotificationsCapability implements Capability {

    static final Duration BEHIND = Duration.ofMinutes(5);
    private static final Duration CACHE = Duration.ofSeconds(5);

    private record Cached(ComponentHealth health, Instant at) {}

    private final NotificationStores stores;
    private final Intake intake;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private volatile Cached cached;
    private volatile long droppedSeen;

    @Activate
    public NotificationsCapability(
            @Reference NotificationStores stores,
            @Reference Intake intake,
            @Reference Dispatcher dispatcher,
            @Reference Clock clock) {
        this.stores = stores;
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NotificationServiceImpl.CAPABILITY;
    }

    @Override
    public String title() {
        return "Notifications";
    }

    @Override
    public ComponentHealth health() {
        Instant now = clock.instant();
        Cached current = cached;
        if (current != null && now.isBefore(current.at().plus(CACHE)) && !now.isBefore(current.at())) {
            return current.health();
        }
        ComponentHealth health = compute(now);
        cached = new Cached(health, now);
        return health;
    }

    private ComponentHealth compute(Instant now) {
        Outbox.Stats outbox;
        try {
            outbox = stores.outbox().stats(now, now.minus(Duration.ofHours(24)));
        } catch (RuntimeException e) {
            return new ComponentHealth(name(), HealthStatus.DOWN, "the outbox cannot be read");
        }
        Intake.Stats in = intake.stats();
        String detail = outbox.pending() + " pending, " + outbox.deliveredSince() + " delivered and "
                + outbox.failedSince() + " failed in 24 h";
        long dropped = in.dropped();
        if (dropped > droppedSeen) {
            droppedSeen = dropped;
            return new ComponentHealth(
                    name(), HealthStatus.DEGRADED, detail + "; " + dropped + " events dropped (intake queue full)");
        }
        if (outbox.oldestDue() != null && outbox.oldestDue().isBefore(now.minus(BEHIND))) {
            return new ComponentHealth(
                    name(),
                    HealthStatus.DEGRADED,
                    detail + "; sending is behind: " + outbox.due() + " due since " + outbox.oldestDue());
        }
        if (in.lastError() != null) {
            return new ComponentHealth(
                    name(), HealthStatus.DEGRADED, detail + "; intake cannot write: " + in.lastError());
        }
        return ComponentHealth.up(name(), detail + "; " + dispatcher.stats().inFlight() + " sending now");
    }
}
