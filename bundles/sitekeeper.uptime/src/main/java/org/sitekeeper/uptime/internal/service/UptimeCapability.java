package org.sitekeeper.uptime.internal.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.health.Capability;
import org.sitekeeper.core.api.health.ComponentHealth;
import org.sitekeeper.core.api.health.HealthStatus;
import org.sitekeeper.uptime.api.UptimeEvents;
import org.sitekeeper.uptime.internal.engine.CheckEngine;

/** Announces uptime monitoring to the hub while it can serve; degraded while the hub cannot check properly. */
@Component
public final class UptimeCapability implements Capability {

    private final CheckEngine engine;

    @Activate
    public UptimeCapability(@Reference CheckEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return UptimeEvents.CAPABILITY;
    }

    @Override
    public String title() {
        return "Uptime monitoring";
    }

    @Override
    public ComponentHealth health() {
        CheckEngine.Stats stats = engine.stats();
        if (stats.offlineReason() != null) {
            return new ComponentHealth(name(), HealthStatus.DEGRADED, stats.offlineReason());
        }
        return ComponentHealth.up(
                name(),
                stats.checks() + " checks since start, dispatch lag p99 " + stats.lagP99Millis() + " ms, "
                        + stats.running() + " running");
    }
}
