package org.sitekeeper.core.api.health;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The hub's view of itself, for {@code /api/v1/system/health}, the shell and the console. */
@ProviderType
public interface HubHealth {

    HubHealthReport report();

    /** The capabilities installed now, by name. */
    List<Capability> capabilities();
}
