package org.sitekeeper.core.api.health;

import java.time.Instant;
import java.util.List;

/**
 * The hub's health: {@code DOWN} when the database is unreachable, {@code DEGRADED} when the scheduler or a
 * capability is not well, else {@code UP}.
 */
public record HubHealthReport(
        HealthStatus status,
        ComponentHealth database,
        ComponentHealth scheduler,
        List<ComponentHealth> capabilities,
        Instant checkedAt) {

    public HubHealthReport {
        capabilities = List.copyOf(capabilities);
    }
}
