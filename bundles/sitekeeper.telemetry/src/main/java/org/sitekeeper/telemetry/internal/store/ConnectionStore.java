package org.sitekeeper.telemetry.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.sitekeeper.core.api.persistence.Jdbc;

/** {@code telemetry_connection}: seed 001's bot tokens and the WordPress site reporting with each. */
public final class ConnectionStore {

    public record ConnectionRow(
            String id,
            String name,
            String tokenHash,
            String tokenPrefix,
            String siteUrl,
            String pluginVersion,
            String wpVersion,
            Boolean isActive,
            Instant lastActivity,
            long heartbeats,
            boolean staleAlerted,
            String createdBy,
            Instant createdAt,
            Instant revokedAt) {}

    private static final String SELECT = "SELECT id, name, token_hash, token_prefix, site_url, plugin_version, "
            + "wp_version, is_active, last_activity, heartbeats, stale_alerted, created_by, created_at, revoked_at "
            + "FROM telemetry_connection";

    private final Jdbc db;

    public ConnectionStore(Jdbc db) {
        this.db = db;
    }

    public void create(String id, String name, String hash, String prefix, String createdBy, long now) {
        db.inTransaction(c -> Jdbc.update(
                c,
                "INSERT INTO telemetry_connection (id, name, token_hash, token_prefix, heartbeats, stale_alerted, "
                        + "created_by, created_at) VALUES (?, ?, ?, ?, 0, FALSE, ?, ?)",
                id,
                name,
                hash,
                prefix,
                createdBy,
                now));
    }

    public List<ConnectionRow> all() {
        return db.query(SELECT + " ORDER BY created_at", ConnectionStore::row);
    }

    public Optional<ConnectionRow> find(String id) {
        return db.query(SELECT + " WHERE id = ?", ConnectionStore::row, id).stream()
                .findFirst();
    }

    public Optional<ConnectionRow> byHash(String hash) {
        return db.query(SELECT + " WHERE token_hash = ?", ConnectionStore::row, hash).stream()
                .findFirst();
    }

    /** Records a heartbeat; answers whether the connection had been alerted as stale (it is not any more). */
    public boolean heartbeat(
            String id, String siteUrl, String pluginVersion, String wpVersion, boolean active, long now) {
        return db.inTransaction(c -> {
            boolean wasStale =
                    Jdbc.count(c, "SELECT COUNT(*) FROM telemetry_connection WHERE id = ? AND stale_alerted = TRUE", id)
                            > 0;
            Jdbc.update(
                    c,
                    "UPDATE telemetry_connection SET site_url = ?, plugin_version = ?, wp_version = ?, is_active = ?, "
                            + "last_activity = ?, heartbeats = heartbeats + 1, stale_alerted = FALSE WHERE id = ?",
                    siteUrl,
                    pluginVersion,
                    wpVersion,
                    active,
                    now,
                    id);
            return wasStale;
        });
    }

    /** Marks connections silent since before {@code before} as alerted; answers those newly marked. */
    public List<ConnectionRow> markStale(long before) {
        return db.inTransaction(c -> {
            List<ConnectionRow> stale = Jdbc.query(
                    c,
                    SELECT + " WHERE revoked_at IS NULL AND stale_alerted = FALSE AND last_activity IS NOT NULL "
                            + "AND last_activity < ?",
                    ConnectionStore::row,
                    before);
            for (ConnectionRow r : stale) {
                Jdbc.update(c, "UPDATE telemetry_connection SET stale_alerted = TRUE WHERE id = ?", r.id());
            }
            return stale;
        });
    }

    public boolean revoke(String id, long now) {
        return db.inTransaction(c -> Jdbc.update(
                        c,
                        "UPDATE telemetry_connection SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                        now,
                        id)
                > 0);
    }

    private static ConnectionRow row(ResultSet rs) throws SQLException {
        Long last = Jdbc.getLong(rs, "last_activity");
        Long revoked = Jdbc.getLong(rs, "revoked_at");
        return new ConnectionRow(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("token_hash"),
                rs.getString("token_prefix"),
                rs.getString("site_url"),
                rs.getString("plugin_version"),
                rs.getString("wp_version"),
                Jdbc.getBoolean(rs, "is_active"),
                last == null ? null : Instant.ofEpochMilli(last),
                rs.getLong("heartbeats"),
                rs.getBoolean("stale_alerted"),
                rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                revoked == null ? null : Instant.ofEpochMilli(revoked));
    }
}
