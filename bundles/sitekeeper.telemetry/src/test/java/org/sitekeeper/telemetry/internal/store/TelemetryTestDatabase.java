package org.sitekeeper.telemetry.internal.store;

import java.nio.file.Path;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;

import org.sitekeeper.core.internal.persistence.FlywaySchemaMigrator;

/** A real Derby database on disk under {@code target/derby} with the telemetry schema migrated as in production. */
public final class TelemetryTestDatabase {

    static {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty(
                    "derby.stream.error.file",
                    Path.of(System.getProperty("sitekeeper.test.dir", "target"), "derby.log")
                            .toAbsolutePath()
                            .toString());
        }
    }

    private TelemetryTestDatabase() {}

    /** Fresh stores over a new database. */
    public static TelemetryStores open(String name) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(Path.of(
                        System.getProperty("sitekeeper.test.dir", "target"),
                        "derby",
                        name + "-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath()
                .toString());
        dataSource.setCreateDatabase("create");
        try {
            return new TelemetryStores(
                    dataSource, new FlywaySchemaMigrator(dataSource), TelemetryStores.class.getClassLoader());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
