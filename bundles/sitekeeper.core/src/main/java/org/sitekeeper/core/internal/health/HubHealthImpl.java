package org.sitekeeper.core.internal.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import org.sitekeeper.core.api.health.Capability;
import org.sitekeeper.core.api.health.ComponentHealth;
import org.sitekeeper.core.api.health.HealthStatus;
import org.sitekeeper.core.api.health.HubHealth;
import org.sitekeeper.core.api.health.HubHealthReport;
import org.sitekeeper.core.internal.scheduling.QuartzJobScheduler;

/**
 * The hub's health. It stays registered when the database or scheduler go away, so it can report them
 * {@code DOWN} instead of vanishing. Reports are cached for a second: the endpoint is public.
 */
@Component
public final class HubHealthImpl implements HubHealth {

    private static final Duration CACHE = Duration.ofSeconds(1);
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final Clock clock;
    private final List<Capability> capabilities = new CopyOnWriteArrayList<>();
    private volatile DataSource dataSource;
    private volatile QuartzJobScheduler scheduler;
    private volatile HubHealthReport cached;

    @Activate
    public HubHealthImpl(@Reference Clock clock) {
        this.clock = clock;
    }

    @Reference(
            target = "(osgi.jndi.service.name=sitekeeper)",
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDataSource(DataSource value) {
        this.dataSource = value;
        this.cached = null;
    }

    void unbindDataSource(DataSource value) {
        if (this.dataSource == value) {
            this.dataSource = null;
            this.cached = null;
        }
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindScheduler(QuartzJobScheduler value) {
        this.scheduler = value;
        this.cached = null;
    }

    void unbindScheduler(QuartzJobScheduler value) {
        if (this.scheduler == value) {
            this.scheduler = null;
            this.cached = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCapability(Capability capability) {
        capabilities.add(capability);
        cached = null;
    }

    void unbindCapability(Capability capability) {
        capabilities.remove(capability);
        cached = null;
    }

    @Override
    public HubHealthReport report() {
        HubHealthReport last = cached;
        Instant now = clock.instant();
        if (last != null && Duration.between(last.checkedAt(), now).compareTo(CACHE) < 0) {
            return last;
        }
        HubHealthReport fresh = check(now);
        cached = fresh;
        return fresh;
    }

    private HubHealthReport check(Instant now) {
        ComponentHealth database = database();
        QuartzJobScheduler jobs = scheduler;
        ComponentHealth schedulerHealth =
                jobs == null ? new ComponentHealth("scheduler", HealthStatus.DOWN, "not running") : jobs.health();
        List<ComponentHealth> installed = new ArrayList<>();
        for (Capability capability : capabilities()) {
            installed.add(safeHealth(capability));
        }
        HealthStatus status = database.status() == HealthStatus.DOWN ? HealthStatus.DOWN : HealthStatus.UP;
        if (schedulerHealth.status() != HealthStatus.UP) {
            status = status.worst(HealthStatus.DEGRADED);
        }
        for (ComponentHealth capability : installed) {
            if (capability.status() != HealthStatus.UP) {
                status = status.worst(HealthStatus.DEGRADED);
            }
        }
        return new HubHealthReport(status, database, schedulerHealth, installed, now);
    }

    private ComponentHealth database() {
        DataSource source = dataSource;
        if (source == null) {
            return new ComponentHealth(
                    "database", HealthStatus.DOWN, "no data source configured or it failed to start");
        }
        try (Connection connection = source.getConnection()) {
            if (connection.isValid(DATABASE_TIMEOUT_SECONDS)) {
                return ComponentHealth.up("database", connection.getMetaData().getDatabaseProductName());
            }
            return new ComponentHealth("database", HealthStatus.DOWN, "the connection did not answer in time");
        } catch (SQLException e) {
            return new ComponentHealth("database", HealthStatus.DOWN, "unreachable (SQLState " + e.getSQLState() + ")");
        }
    }

    private static ComponentHealth safeHealth(Capability capability) {
        try {
            ComponentHealth health = capability.health();
            return new ComponentHealth(capability.name(), health.status(), health.detail());
        } catch (RuntimeException e) {
            return new ComponentHealth(capability.name(), HealthStatus.DOWN, "health check failed");
        }
    }

    @Override
    public List<Capability> capabilities() {
        return capabilities.stream()
                .sorted(Comparator.comparing(Capability::name))
                .toList();
    }
}
