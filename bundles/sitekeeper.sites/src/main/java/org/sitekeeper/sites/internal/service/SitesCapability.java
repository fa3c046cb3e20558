package org.sitekeeper.sites.internal.service;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.health.Capability;
import org.sitekeeper.core.api.health.ComponentHealth;
import org.sitekeeper.core.api.health.HealthStatus;
import org.sitekeeper.sites.api.SiteEvents;
import org.sitekeeper.sites.api.SiteService;

/** Announces the site registry to the hub while it can serve. */
@Component
public final class SitesCapability implements Capability {

    private final SiteService sites;

    @Activate
    public SitesCapability(@Reference SiteService sites) {
        this.sites = sites;
    }

    @Override
    public String name() {
        return SiteEvents.CAPABILITY;
    }

    @Override
    public String title() {
        return "Site registry";
    }

    @Override
    public ComponentHealth health() {
        try {
            sites.countByStatus();
            return ComponentHealth.up(name(), "registry ready");
        } catch (RuntimeException e) {
            return new ComponentHealth(name(), HealthStatus.DOWN, "the registry cannot be read");
        }
    }
}
