package org.sitekeeper.telemetry.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.sitekeeper.core.api.persistence.Jdbc;

/** {@code telemetry_toggle}: every setting of every ops toggle. */
public final class ToggleStore {

    public record ToggleRow(
            long id,
            String installationId,
            String key,
            boolean value,
            String reason,
            Instant expiresAt,
            String updatedBy,
            String author,
            Integer ratePerMinute,
            Instant createdAt) {}

    private static final String SELECT = "SELECT id, installation_id, toggle_key, toggle_value, reason, expires_at, "
            + "updated_by, author, rate_per_minute, created_at FROM telemetry_toggle";

    private final Jdbc db;

    public ToggleStore(Jdbc db) {
        this.db = db;
    }

    public ToggleRow add(
            String installationId,
            String key,
            boolean value,
            String reason,
            Instant expiresAt,
            String updatedBy,
            String author,
            Integer ratePerMinute,
            Instant at) {
        return db.inTransaction(c -> {
            Jdbc.update(
                    c,
                    "INSERT INTO telemetry_toggle (installation_id, toggle_key, toggle_value, reason, expires_at, "
                            + "updated_by, author, rate_per_minute, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    installationId,
                    key,
                    value,
                    reason,
                    expiresAt == null ? Jdbc.Null.BIGINT : (Object) expiresAt.toEpochMilli(),
                    updatedBy,
                    author,
                    Jdbc.orNull(ratePerMinute),
                    at.toEpochMilli());
            return Jdbc.query(
                            c,
                            SELECT + " WHERE installation_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                            ToggleStore::row,
                            installationId)
                    .get(0);
        });
    }

    /** Settings that may still be in force at {@code now}: unexpired ones, of every installation. */
    public List<ToggleRow> unexpired(Instant now) {
        return db.query(
                SELECT + " WHERE expires_at IS NULL OR expires_at > ? ORDER BY id",
                ToggleStore::row,
                now.toEpochMilli());
    }

    public List<ToggleRow> of(String installationId) {
        return db.query(SELECT + " WHERE installation_id = ? ORDER BY id DESC", ToggleStore::row, installationId);
    }

    private static ToggleRow row(ResultSet rs) throws SQLException {
        Long expires = Jdbc.getLong(rs, "expires_at");
        return new ToggleRow(
                rs.getLong("id"),
                rs.getString("installation_id"),
                rs.getString("toggle_key"),
                rs.getBoolean("toggle_value"),
                rs.getString("reason"),
                expires == null ? null : Instant.ofEpochMilli(expires),
                rs.getString("updated_by"),
                rs.getString("author"),
                Jdbc.getInt(rs, "rate_per_minute"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
