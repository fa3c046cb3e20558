package org.sitekeeper.uptime.internal.store;

import javax.sql.DataSource;

import org.sitekeeper.core.api.persistence.Jdbc;

/**
 * The uptime tables over the hub's one DataSource, with plain JDBC: the hot path claims and writes hundreds of
 * rows a second in batches, which entities would only slow down.
 */
public final class UptimeDb extends Jdbc {

    public UptimeDb(DataSource dataSource, String vendor) {
        super(dataSource, vendor);
    }
}
