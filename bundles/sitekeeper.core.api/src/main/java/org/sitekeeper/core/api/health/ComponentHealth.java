package org.sitekeeper.core.api.health;

/**
 * Health of one part of the hub.
 *
 * @param name e.g. {@code database}, {@code scheduler}, {@code sites}
 * @param status its state
 * @param detail a short human explanation, never a secret
 */
public record ComponentHealth(String name, HealthStatus status, String detail) {

    public static ComponentHealth up(String name, String detail) {
        return new ComponentHealth(name, HealthStatus.UP, detail);
    }
}
