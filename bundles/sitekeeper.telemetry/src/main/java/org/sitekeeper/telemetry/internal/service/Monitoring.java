package org.sitekeeper.telemetry.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.error.SitekeeperException;
import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.core.api.event.SitekeeperEvent;
import org.sitekeeper.telemetry.api.InstallationDto;
import org.sitekeeper.telemetry.api.MonitoringRun;
import org.sitekeeper.telemetry.api.StatsOverview;
import org.sitekeeper.telemetry.api.TelemetryEvents;
import org.sitekeeper.telemetry.internal.domain.ErrorRate;
import org.sitekeeper.telemetry.internal.domain.InstallStatus;
import org.sitekeeper.telemetry.internal.domain.ToggleKey;
import org.sitekeeper.telemetry.internal.domain.UpgradeType;
import org.sitekeeper.telemetry.internal.domain.VersionRegistry;
import org.sitekeeper.telemetry.internal.store.InstallationRow;
import org.sitekeeper.telemetry.internal.store.InstallationStore;
import org.sitekeeper.telemetry.internal.store.TelemetryStores;
import org.sitekeeper.telemetry.internal.store.ToggleStore.ToggleRow;

/**
 * Seed 002's monitoring service. Hourly: statuses (blocked, stale → error, outdated, active) and error rates over
 * 24 h. Daily: a health metric row per installation, fleet alerts (too many outdated, too many with a high error
 * rate) raised once and resolved once, security notices, retention.
 */
final class Monitoring {

    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);

    private final TelemetryServiceImpl service;
    private final TelemetryStores stores;
    private final EventAdmin events;
    private final Clock clock;
    private final TelemetryConfig config;
    private final ScheduledExecutorService soon = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sitekeeper-telemetry-statuses");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    Monitoring(
            TelemetryServiceImpl service,
            TelemetryStores stores,
            EventAdmin events,
            Clock clock,
            TelemetryConfig config) {
        this.service = service;
        this.stores = stores;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    void close() {
        soon.shutdownNow();
    }

    /** Recomputes every status in a second (after the registry changed); several requests make one pass. */
    void statusesSoon() {
        if (pending.compareAndSet(false, true)) {
            soon.schedule(
                    () -> {
                        pending.set(false);
                        try {
                            statuses(new long[2]);
                        } catch (RuntimeException e) {
                            LOG.warn("Telemetry statuses could not be recomputed: {}", e.getMessage());
                        }
                    },
                    1,
                    TimeUnit.SECONDS);
        }
    }

    /** Recomputes one installation's status now (after a block toggle). */
    void statusOf(String id) {
        stores.installations().find(id).ifPresent(row -> {
            String status = status(row.cms(), row.pluginVersion(), row.lastHeartbeat(), id, clock.instant());
            if (!status.equals(row.status())) {
                stores.installations().setStatuses(List.<String[]>of(new String[] {id, status}));
            }
        });
    }

    private String status(String cms, String pluginVersion, Instant lastHeartbeat, String id, Instant now) {
        VersionRegistry registry = service.registry(cms);
        boolean outdated = pluginVersion != null && registry.isOutdated(pluginVersion);
        boolean blocked = false;
        ToggleRow newest = null;
        for (ToggleRow t : service.toggleCache().getOrDefault(id, List.of())) {
            if (t.key().equals(ToggleKey.BLOCK_PLUGIN.wireName()) && (newest == null || t.id() > newest.id())) {
                newest = t;
            }
        }
        if (newest != null && newest.value() && (newest.expiresAt() == null || now.isBefore(newest.expiresAt()))) {
            blocked = true;
        }
        return InstallStatus.of(blocked, lastHeartbeat, now, Duration.ofHours(config.stale__after__hours()), outdated)
                .wireName();
    }

    /** One pass over every installation; {@code counts} gets {outdated newly, stale newly}. Answers the count. */
    private long statuses(long[] counts) {
        Instant now = clock.instant();
        List<String[]> changes = new ArrayList<>();
        long[] seen = new long[1];
        stores.installations().forEachStatus(row -> {
            seen[0]++;
            Instant last = row.lastHeartbeat() == null ? null : Instant.ofEpochMilli(row.lastHeartbeat());
            if (row.lastHeartbeat() == null && row.pluginVersion() == null) {
                last = now; // known from events only: not stale until it was due to send a heartbeat
            }
            String status = status(row.cms(), row.pluginVersion(), last, row.id(), now);
            if (!status.equals(row.status())) {
                changes.add(new String[] {row.id(), status});
                if ("outdated".equals(status)) {
                    counts[0]++;
                } else if ("error".equals(status)) {
                    counts[1]++;
                }
            }
        });
        stores.installations().setStatuses(changes);
        return seen[0];
    }

    MonitoringRun hourly() {
        long start = System.nanoTime();
        long[] counts = new long[2];
        long installations = statuses(counts);
        long since = clock.instant().minus(Duration.ofHours(24)).toEpochMilli();
        int rates = stores.installations().setErrorRates(stores.events().countsSince(since), ErrorRate::percent);
        return new MonitoringRun(
                "hourly",
                installations,
                counts[0],
                counts[1],
                rates,
                0,
                0,
                List.of(),
                (System.nanoTime() - start) / 1_000_000);
    }

    MonitoringRun daily() {
        long start = System.nanoTime();
        MonitoringRun hourly = hourly();
        Instant now = clock.instant();
        int day = (int) (now.getEpochSecond() / 86_400);
        int recorded = stores.metrics().recordDay(day, now.toEpochMilli());
        List<String> alerts = new ArrayList<>();
        StatsOverview stats = service.overview();
        fleetAlert(
                TelemetryEvents.OUTDATED_KEY,
                "OUTDATED",
                stats.totalCount() > 0 && stats.outdatedPercentage() > config.outdated__alert__percent(),
                "High percentage of outdated plugins",
                stats.outdatedPercentage() + "% of plugins are outdated (" + stats.outdatedCount() + " of "
                        + stats.totalCount() + ")",
                TelemetryEvents.PERCENTAGE,
                stats.outdatedPercentage(),
                alerts);
        fleetAlert(
                TelemetryEvents.ERROR_RATE_KEY,
                "ERROR_RATE",
                stats.highErrorRateCount() > config.high__error__rate__alert__count(),
                "Multiple plugins with high error rates",
                stats.highErrorRateCount() + " plugins have error rate > " + config.high__error__rate__percent() + "%",
                TelemetryEvents.COUNT,
                stats.highErrorRateCount(),
                alerts);
        long notices = config.auto__security__notices() ? securityNotices() : 0;
        // retention
        long eventsBefore =
                now.minus(Duration.ofDays(config.events__retention__days())).toEpochMilli();
        int deletedEvents = stores.events().deleteBefore(eventsBefore);
        stores.metrics().deleteBefore(day - config.metrics__retention__days());
        stores.notices()
                .deleteBefore(now.minus(Duration.ofDays(config.metrics__retention__days()))
                        .toEpochMilli());
        LOG.info(
                "Telemetry daily run: {} metrics, {} notices, {} old events deleted, alerts {}",
                recorded,
                notices,
                deletedEvents,
                alerts);
        return new MonitoringRun(
                "daily",
                hourly.installations(),
                hourly.markedOutdated(),
                hourly.markedStale(),
                hourly.errorRatesUpdated(),
                recorded,
                notices,
                alerts,
                (System.nanoTime() - start) / 1_000_000);
    }

    private void fleetAlert(
            String key,
            String event,
            boolean firing,
            String title,
            String message,
            String property,
            Object value,
            List<String> alerts) {
        long now = clock.millis();
        if (firing) {
            alerts.add(event);
            if (stores.metrics().open(key, message, now)) {
                events.postEvent(SitekeeperEvent.of(TelemetryEvents.CAPABILITY, event)
                        .severity(Severity.CRITICAL)
                        .alertKey(key)
                        .title(title)
                        .message(message)
                        .property(property, value)
                        .occurredAt(clock.instant())
                        .toEvent());
            }
        } else if (stores.metrics().close(key)) {
            events.postEvent(SitekeeperEvent.of(TelemetryEvents.CAPABILITY, "RESOLVED")
                    .severity(Severity.INFO)
                    .alertKey(key)
                    .title(title + ": resolved")
                    .message(message)
                    .occurredAt(clock.instant())
                    .toEvent());
        }
    }

    /** Sends seed 002's security notice (email and SMS) to outdated installations a security release passed by. */
    private long securityNotices() {
        long sent = 0;
        int offset = 0;
        Actor system = Actor.system("telemetry");
        while (sent < config.max__auto__notices()) {
            List<InstallationRow> page = stores.installations()
                    .list(new InstallationStore.Filter("outdated", null, null, null), offset, 500);
            if (page.isEmpty()) {
                break;
            }
            offset += page.size();
            for (InstallationRow row : page) {
                InstallationDto dto = service.dto(row);
                if (!UpgradeType.SECURITY.wireName().equals(dto.upgradeType())) {
                    continue;
                }
                Optional<VersionRegistry.Upgrade> upgrade = Optional.of(service.upgradeOf(row));
                for (String channel : UpgradeType.SECURITY.channels()) {
                    String target = upgrade.get().target().toString();
                    if (stores.notices().sent(row.id(), target, channel)) {
                        continue;
                    }
                    try {
                        service.send(row, upgrade.get(), channel, system);
                        sent++;
                    } catch (SitekeeperException e) {
                        LOG.debug("Security notice to {} by {} not sent: {}", row.id(), channel, e.getMessage());
                    }
                }
            }
        }
        return sent;
    }
}
