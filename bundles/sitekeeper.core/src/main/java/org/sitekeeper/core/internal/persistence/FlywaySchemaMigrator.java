package org.sitekeeper.core.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.persistence.SchemaMigrator;

/**
 * Versioned migrations per bundle with Flyway: {@code db/migration/<module>/common} plus the vendor folder,
 * history in {@code <module>_schema_history}. Flyway serialises concurrent migrations (PostgreSQL advisory
 * lock), so several nodes may start at once.
 */
@Component
public final class FlywaySchemaMigrator implements SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(FlywaySchemaMigrator.class);
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    private final DataSource dataSource;
    private final String vendor;

    @Activate
    public FlywaySchemaMigrator(@Reference(target = "(osgi.jndi.service.name=sitekeeper)") DataSource dataSource)
            throws SQLException {
        this.dataSource = dataSource;
        this.vendor = vendorOf(dataSource);
    }

    /** {@code derby} or {@code postgresql}, from the driver's product name. */
    public static String vendorOf(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (product.contains("derby")) {
                return "derby";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            throw new IllegalStateException("unsupported database: " + product + " (use Derby or PostgreSQL)");
        }
    }

    @Override
    public synchronized String migrate(String module, ClassLoader classLoader) {
        if (!MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("module name must be lower-case letters, digits and _: " + module);
        }
        String root = "classpath:db/migration/" + module + "/";
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(FlywaySchemaMigrator.class.getClassLoader());
        try {
            MigrateResult result = Flyway.configure(classLoader)
                    .dataSource(dataSource)
                    .table(module + "_schema_history")
                    .locations(root + "common", root + vendor)
                    .failOnMissingLocations(false)
                    .placeholders(placeholders(vendor))
                    // every module keeps its own history in the shared schema: a module's first migration
                    // starts from version 0 even though other modules' tables are already there
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info(
                        "Migrated {} schema to version {} ({} migrations)",
                        module,
                        result.targetSchemaVersion,
                        result.migrationsExecuted);
            }
            return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** SQL that differs between the databases, for migrations: {@code ${long_text}} is CLOB or TEXT. */
    static Map<String, String> placeholders(String vendor) {
        return Map.of("long_text", "derby".equals(vendor) ? "CLOB" : "TEXT");
    }

    @Override
    public String databaseVendor() {
        return vendor;
    }
}
