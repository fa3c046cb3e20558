package org.sitekeeper.core.api.health;

/** State of the hub or one of its parts, worst last. */
public enum HealthStatus {
    UP,
    DEGRADED,
    DOWN;

    /** The worse of two states. */
    public HealthStatus worst(HealthStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
