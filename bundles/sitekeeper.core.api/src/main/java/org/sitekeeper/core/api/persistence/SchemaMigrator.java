package org.sitekeeper.core.api.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Brings a bundle's tables to the newest version of its migrations before the bundle uses them.
 *
 * <p>A bundle keeps its migrations as SQL files named {@code V<version>__<description>.sql} in
 * {@code db/migration/<module>/common} (portable SQL) and, where Derby and PostgreSQL differ,
 * {@code db/migration/<module>/derby} and {@code db/migration/<module>/postgresql}. Each module has its
 * own history table {@code <module>_schema_history}. Several hub nodes migrating at once are serialised by
 * the database. Migrations may use the placeholder {@code ${long_text}} for unbounded text (CLOB on Derby, TEXT
 * on PostgreSQL; map it to a plain {@code String} field).
 */
@ProviderType
public interface SchemaMigrator {

    /**
     * Applies the pending migrations of {@code module}.
     *
     * @param module the table prefix and migration folder of the calling bundle, e.g. {@code sites}
     * @param classLoader the calling bundle's class loader, which sees its migration files
     * @return the schema version after migrating
     */
    String migrate(String module, ClassLoader classLoader);

    /** {@code derby} or {@code postgresql}: the dialect of the hub's database. */
    String databaseVendor();
}
