package org.sitekeeper.uptime.internal.service;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.persistence.SchemaMigrator;
import org.sitekeeper.uptime.internal.store.HistoryStore;
import org.sitekeeper.uptime.internal.store.MonitorStore;
import org.sitekeeper.uptime.internal.store.UptimeDb;

/** The uptime tables, migrated to this bundle's schema version before anything uses them. */
@Component(service = UptimeStores.class)
public final class UptimeStores {

    public static final String MODULE = "uptime";

    private final UptimeDb db;
    private final MonitorStore monitors;
    private final HistoryStore history;

    @Activate
    public UptimeStores(
            @Reference(target = "(osgi.jndi.service.name=sitekeeper)") DataSource dataSource,
            @Reference SchemaMigrator migrator) {
        this(dataSource, migrator, UptimeStores.class.getClassLoader());
    }

    public UptimeStores(DataSource dataSource, SchemaMigrator migrator, ClassLoader migrations) {
        migrator.migrate(MODULE, migrations);
        this.db = new UptimeDb(dataSource, migrator.databaseVendor());
        this.monitors = new MonitorStore(db);
        this.history = new HistoryStore(db);
    }

    public UptimeDb db() {
        return db;
    }

    public MonitorStore monitors() {
        return monitors;
    }

    public HistoryStore history() {
        return history;
    }
}
