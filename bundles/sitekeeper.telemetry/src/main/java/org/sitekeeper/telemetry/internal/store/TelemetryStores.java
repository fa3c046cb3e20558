package org.sitekeeper.telemetry.internal.store;

import javax.sql.DataSource;

import org.sitekeeper.core.api.persistence.Jdbc;
import org.sitekeeper.core.api.persistence.SchemaMigrator;

/** The telemetry tables, migrated to this bundle's schema version before anything uses them. */
public final class TelemetryStores {

    public static final String MODULE = "telemetry";

    private final Jdbc db;
    private final InstallationStore installations;
    private final EventStore events;
    private final KeyStore keys;
    private final VersionStore versions;
    private final ToggleStore toggles;
    private final NoticeStore notices;
    private final MetricStore metrics;
    private final ConnectionStore connections;

    public TelemetryStores(DataSource dataSource, SchemaMigrator migrator, ClassLoader migrations) {
        migrator.migrate(MODULE, migrations);
        this.db = new Jdbc(dataSource, migrator.databaseVendor());
        this.installations = new InstallationStore(db);
        this.events = new EventStore(db);
        this.keys = new KeyStore(db);
        this.versions = new VersionStore(db);
        this.toggles = new ToggleStore(db);
        this.notices = new NoticeStore(db);
        this.metrics = new MetricStore(db);
        this.connections = new ConnectionStore(db);
    }

    public Jdbc db() {
        return db;
    }

    public InstallationStore installations() {
        return installations;
    }

    public EventStore events() {
        return events;
    }

    public KeyStore keys() {
        return keys;
    }

    public VersionStore versions() {
        return versions;
    }

    public ToggleStore toggles() {
        return toggles;
    }

    public NoticeStore notices() {
        return notices;
    }

    public MetricStore metrics() {
        return metrics;
    }

    public ConnectionStore connections() {
        return connections;
    }
}
