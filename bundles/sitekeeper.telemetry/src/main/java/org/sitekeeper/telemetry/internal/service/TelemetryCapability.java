package org.sitekeeper.telemetry.internal.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.health.Capability;
import org.sitekeeper.core.api.health.ComponentHealth;
import org.sitekeeper.core.api.health.HealthStatus;
import org.sitekeeper.telemetry.api.TelemetryEvents;
import org.sitekeeper.telemetry.internal.store.BatchWriter;

/** Announces telemetry to the hub; degraded while its heartbeat queue is nearly full or batches fail. */
@Component
public final class TelemetryCapability implements Capability {

    private final TelemetryServiceImpl telemetry;

    @Activate
    public TelemetryCapability(@Reference TelemetryServiceImpl telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public String name() {
        return TelemetryEvents.CAPABILITY;
    }

    @Override
    public String title() {
        return "Plugin telemetry";
    }

    @Override
    public ComponentHealth health() {
        TelemetryServiceImpl.Internals in = telemetry.internals();
        BatchWriter.Stats hb = in.heartbeats();
        String summary = in.installationsKnown() + " installations, " + hb.written() + " heartbeats written, "
                + hb.queued() + " queued, " + hb.rejected() + " refused (full)";
        if (hb.queued() > hb.capacity() * 0.8) {
            return new ComponentHealth(name(), HealthStatus.DEGRADED, "heartbeat queue nearly full: " + summary);
        }
        return ComponentHealth.up(name(), summary);
    }
}
