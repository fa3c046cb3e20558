package org.sitekeeper.telemetry.internal.service;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.persistence.SchemaMigrator;
import org.sitekeeper.telemetry.internal.store.TelemetryStores;

/** The telemetry tables on the hub's DataSource, migrated on activation. */
@Component(service = TelemetryDatabase.class)
public final class TelemetryDatabase {

    private final TelemetryStores stores;

    @Activate
    public TelemetryDatabase(
            @Reference(target = "(osgi.jndi.service.name=sitekeeper)") DataSource dataSource,
            @Reference SchemaMigrator migrator) {
        this.stores = new TelemetryStores(dataSource, migrator, TelemetryDatabase.class.getClassLoader());
    }

    public TelemetryStores stores() {
        return stores;
    }
}
