package org.sitekeeper.telemetry.internal.store;

import java.time.Instant;
import java.util.List;

import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.persistence.Jdbc;

/** {@code telemetry_version}: the registry of official versions per CMS. */
public final class VersionStore {

    public record VersionRow(
            String cms,
            String version,
            boolean isLatest,
            boolean isSecurity,
            String releaseNotes,
            Instant releasedAt,
            Instant createdAt) {}

    private final Jdbc db;

    public VersionStore(Jdbc db) {
        this.db = db;
    }

    public List<VersionRow> all() {
        return db.query(
                "SELECT cms, version, is_latest, is_security, release_notes, released_at, created_at "
                        + "FROM telemetry_version ORDER BY cms, created_at",
                rs -> {
                    Long released = Jdbc.getLong(rs, "released_at");
                    return new VersionRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getBoolean(3),
                            rs.getBoolean(4),
                            rs.getString(5),
                            released == null ? null : Instant.ofEpochMilli(released),
                            Instant.ofEpochMilli(rs.getLong(7)));
                });
    }

    /**
     * Adds a version; one marked latest takes the mark from the others of its CMS.
     *
     * @throws ConflictException when the CMS already has it
     */
    public void add(VersionRow v, String createdBy) {
        db.inTransaction(c -> {
            if (Jdbc.count(
                            c,
                            "SELECT COUNT(*) FROM telemetry_version WHERE cms = ? AND version = ?",
                            v.cms(),
                            v.version())
                    > 0) {
                throw new ConflictException("version", v.cms() + " " + v.version() + " is already registered");
            }
            if (v.isLatest()) {
                Jdbc.update(c, "UPDATE telemetry_version SET is_latest = FALSE WHERE cms = ?", v.cms());
            }
            Jdbc.update(
                    c,
                    "INSERT INTO telemetry_version (cms, version, is_latest, is_security, release_notes, released_at, "
                            + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    v.cms(),
                    v.version(),
                    v.isLatest(),
                    v.isSecurity(),
                    v.releaseNotes(),
                    v.releasedAt() == null
                            ? Jdbc.Null.BIGINT
                            : (Object) v.releasedAt().toEpochMilli(),
                    createdBy,
                    v.createdAt().toEpochMilli());
            return null;
        });
    }

    /** Removes a version; answers whether there was one. */
    public boolean remove(String cms, String version) {
        return db.inTransaction(
                c -> Jdbc.update(c, "DELETE FROM telemetry_version WHERE cms = ? AND version = ?", cms, version) > 0);
    }
}
