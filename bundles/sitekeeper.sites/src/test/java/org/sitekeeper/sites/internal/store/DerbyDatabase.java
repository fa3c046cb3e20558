package org.sitekeeper.sites.internal.store;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;

import org.sitekeeper.core.internal.persistence.FlywaySchemaMigrator;

/** A real Derby database on disk with the sites schema migrated, and an EclipseLink unit over it. */
public final class DerbyDatabase implements AutoCloseable {

    private final String path;
    private final EmbeddedDataSource dataSource;
    private final EntityManagerFactory emf;
    private final FlywaySchemaMigrator migrator;

    public DerbyDatabase(Path directory) throws SQLException {
        this.path = directory.resolve("db").toAbsolutePath().toString();
        this.dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(path);
        dataSource.setCreateDatabase("create");
        this.migrator = new FlywaySchemaMigrator(dataSource);
        migrator.migrate("sites", DerbyDatabase.class.getClassLoader());
        this.emf = Persistence.createEntityManagerFactory(
                "sitekeeper.sites",
                Map.of("javax.persistence.nonJtaDataSource", dataSource, "eclipselink.logging.level", "WARNING"));
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /** Plain JDBC connections to the same database (to hold a lock from outside the unit, say). */
    public EmbeddedDataSource dataSource() {
        return dataSource;
    }

    public FlywaySchemaMigrator migrator() {
        return migrator;
    }

    @Override
    public void close() {
        emf.close();
        try {
            DriverManager.getConnection("jdbc:derby:" + path + ";shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006
        }
    }
}
