package org.sitekeeper.core.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered by every installed capability (sites, uptime, telemetry, …) while it is able to serve. The
 * hub's health, info and console overview list the registered capabilities; a removed feature simply
 * disappears from them.
 */
@ConsumerType
public interface Capability {

    /** Short name, also the feature suffix: {@code sites} for {@code sitekeeper-sites}. */
    String name();

    /** Human title, e.g. {@code Site registry}. */
    String title();

    /** Current health; must answer quickly (no remote calls). */
    ComponentHealth health();
}
