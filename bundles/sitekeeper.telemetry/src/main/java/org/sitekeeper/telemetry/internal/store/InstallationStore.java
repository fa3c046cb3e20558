package org.sitekeeper.telemetry.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.sitekeeper.core.api.persistence.Jdbc;

/** {@code telemetry_installation}: the heartbeat writer's batches, the lists and the monitoring jobs' passes. */
public final class InstallationStore {

    /** What the in-memory index of installations is built from. */
    public record IndexRow(String id, String merchantId, String cms, String siteKey) {}

    /** What the monitoring jobs look at. */
    public record StatusRow(String id, String cms, String pluginVersion, String status, Long lastHeartbeat) {}

    /** Filters of a list; {@code null} means any. */
    public record Filter(String status, String cms, String merchantId, String text) {}

    static final String COLUMNS = "i.id, i.merchant_id, m.merchant_name, m.merchant_email, m.merchant_phone, i.cms, "
            + "i.site_url, i.plugin_version, i.sdk_language, i.environment, i.php_version, i.wordpress_version, "
            + "i.server_info, i.errors_last_hour, i.status, i.error_rate, i.errors_24h, i.events_24h, "
            + "i.heartbeat_count, i.last_heartbeat, i.created_at";
    private static final String FROM =
            " FROM telemetry_installation i LEFT JOIN telemetry_merchant m ON m.merchant_id = i.merchant_id";

    private static final String UPDATE = "UPDATE telemetry_installation SET site_url = COALESCE(?, site_url), "
            + "plugin_version = ?, sdk_language = ?, environment = ?, php_version = ?, wordpress_version = ?, "
            + "server_info = ?, errors_last_hour = ?, status = ?, heartbeat_count = heartbeat_count + ?, "
            + "last_heartbeat = ?, updated_at = ? WHERE id = ?";
    /** A heartbeat whose installation reported the same profile as last written: its own columns only. */
    private static final String TOUCH = "UPDATE telemetry_installation SET errors_last_hour = ?, status = ?, "
            + "heartbeat_count = heartbeat_count + ?, last_heartbeat = ?, updated_at = ? WHERE id = ?";

    private static final String INSERT = "INSERT INTO telemetry_installation (id, merchant_id, cms, site_key, "
            + "site_url, plugin_version, sdk_language, environment, php_version, wordpress_version, server_info, "
            + "errors_last_hour, status, error_rate, errors_24h, events_24h, heartbeat_count, last_heartbeat, "
            + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)";

    private final Jdbc db;

    public InstallationStore(Jdbc db) {
        this.db = db;
    }

    public List<IndexRow> index() {
        return db.query(
                "SELECT id, merchant_id, cms, site_key FROM telemetry_installation",
                rs -> new IndexRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public Optional<String> idOf(String merchantId, String cms, String siteKey) {
        return db.read(c -> idOf(c, merchantId, cms, siteKey));
    }

    private static Optional<String> idOf(Connection c, String merchantId, String cms, String siteKey)
            throws SQLException {
        return Jdbc.query(
                        c,
                        "SELECT id FROM telemetry_installation WHERE merchant_id = ? AND cms = ? AND site_key = ?",
                        rs -> rs.getString(1),
                        merchantId,
                        cms,
                        siteKey)
                .stream()
                .findFirst();
    }

    /**
     * Writes a batch of heartbeats in one transaction: several of one installation become one update; an
     * installation that is new, or that turns out not to be stored, is inserted; one another node inserted
     * meanwhile is updated instead. Answers each write's installation id, in order.
     */
    public List<String> write(List<HeartbeatWrite> batch) {
        Map<String, HeartbeatWrite> merged = new LinkedHashMap<>();
        List<String> given = new ArrayList<>(batch.size());
        for (HeartbeatWrite w : batch) {
            given.add(w.id);
            merged.merge(w.id, w, HeartbeatWrite::merge);
        }
        List<HeartbeatWrite> writes = new ArrayList<>(merged.values());
        db.inTransaction(c -> {
            writeOnce(c, writes);
            return null;
        });
        List<String> ids = new ArrayList<>(batch.size());
        for (String id : given) {
            ids.add(merged.get(id).id); // another node's id when it stored the installation first
        }
        return ids;
    }

    private static void writeOnce(Connection c, List<HeartbeatWrite> writes) throws SQLException {
        List<HeartbeatWrite> inserts = new ArrayList<>();
        List<HeartbeatWrite> updates = new ArrayList<>();
        for (HeartbeatWrite w : writes) {
            (w.isNew ? inserts : updates).add(w);
        }
        List<HeartbeatWrite> touches = new ArrayList<>();
        List<HeartbeatWrite> full = new ArrayList<>();
        for (HeartbeatWrite w : updates) {
            (w.profileChanged ? full : touches).add(w);
        }
        if (!full.isEmpty()) {
            missing(
                    Jdbc.batch(
                            c,
                            UPDATE,
                            full.stream().map(InstallationStore::updateRow).toList()),
                    full,
                    inserts);
        }
        if (!touches.isEmpty()) {
            missing(
                    Jdbc.batch(
                            c,
                            TOUCH,
                            touches.stream().map(InstallationStore::touchRow).toList()),
                    touches,
                    inserts);
        }
        if (inserts.isEmpty()) {
            return;
        }
        try {
            insertAll(c, inserts);
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            c.rollback();
            // another node (or an earlier, half-known write) stored some of them: update those instead
            List<HeartbeatWrite> fresh = new ArrayList<>();
            List<HeartbeatWrite> existing = new ArrayList<>();
            for (HeartbeatWrite w : writes) {
                if (!inserts.contains(w)) {
                    existing.add(w);
                    continue;
                }
                Optional<String> stored = idOf(c, w.merchantId, w.cms, w.siteKey);
                if (stored.isPresent()) {
                    w.id = stored.get();
                    w.isNew = false;
                    existing.add(w);
                } else {
                    fresh.add(w);
                }
            }
            Jdbc.batch(
                    c,
                    UPDATE,
                    existing.stream().map(InstallationStore::updateRow).toList());
            insertAll(c, fresh);
        }
    }

    /** Adds to {@code inserts} the updates that found no row: written by a batch that failed, not stored after all. */
    private static void missing(int[] counts, List<HeartbeatWrite> updates, List<HeartbeatWrite> inserts) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                inserts.add(updates.get(i));
            }
        }
    }

    private static void insertAll(Connection c, List<HeartbeatWrite> inserts) throws SQLException {
        Jdbc.batch(
                c,
                INSERT,
                inserts.stream()
                        .map(w -> new Object[] {
                            w.id,
                            w.merchantId,
                            w.cms,
                            w.siteKey,
                            w.siteUrl,
                            w.pluginVersion,
                            w.sdkLanguage,
                            w.environment,
                            w.phpVersion,
                            w.wordpressVersion,
                            w.serverInfo,
                            Jdbc.orNull(w.errorsLastHour),
                            w.status,
                            (long) w.count,
                            w.at == 0 ? Jdbc.Null.BIGINT : (Object) w.at,
                            w.at == 0 ? System.currentTimeMillis() : w.at,
                            w.at == 0 ? System.currentTimeMillis() : w.at
                        })
                        .toList());
        for (HeartbeatWrite w : inserts) {
            w.isNew = false;
        }
    }

    private static Object[] touchRow(HeartbeatWrite w) {
        return new Object[] {Jdbc.orNull(w.errorsLastHour), w.status, (long) w.count, w.at, w.at, w.id};
    }

    private static Object[] updateRow(HeartbeatWrite w) {
        return new Object[] {
            w.siteUrl,
            w.pluginVersion,
            w.sdkLanguage,
            w.environment,
            w.phpVersion,
            w.wordpressVersion,
            w.serverInfo,
            Jdbc.orNull(w.errorsLastHour),
            w.status,
            (long) w.count,
            w.at,
            w.at,
            w.id
        };
    }

    static boolean isDuplicate(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
            if (s.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    public Optional<InstallationRow> find(String id) {
        return db.query("SELECT " + COLUMNS + FROM + " WHERE i.id = ?", InstallationStore::row, id).stream()
                .findFirst();
    }

    public long count(Filter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return db.read(c -> Jdbc.count(c, "SELECT COUNT(*)" + FROM + where, params.toArray()));
    }

    /** A page of installations, most recently heard from first. */
    public List<InstallationRow> list(Filter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(offset);
        params.add(limit);
        return db.query(
                "SELECT " + COLUMNS + FROM + where
                        + " ORDER BY i.last_heartbeat DESC, i.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                InstallationStore::row,
                params.toArray());
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (f.status() != null) {
            sql.append(" AND i.status = ?");
            params.add(f.status());
        }
        if (f.cms() != null) {
            sql.append(" AND i.cms = ?");
            params.add(f.cms());
        }
        if (f.merchantId() != null) {
            sql.append(" AND i.merchant_id = ?");
            params.add(f.merchantId());
        }
        if (f.text() != null) {
            sql.append(" AND (LOWER(m.merchant_name) LIKE ? OR LOWER(i.site_url) LIKE ? OR i.merchant_id = ?)");
            String like = "%"
                    + f.text()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace("%", "")
                            .replace("_", "") + "%";
            params.add(like);
            params.add(like);
            params.add(f.text());
        }
        return sql.toString();
    }

    /** Inserts an installation heard of by an event before any heartbeat; answers the stored id. */
    public String insertBare(String id, String merchantId, String cms, String siteKey, String siteUrl, long now) {
        return db.inTransaction(c -> {
            Optional<String> stored = idOf(c, merchantId, cms, siteKey);
            if (stored.isPresent()) {
                return stored.get();
            }
            Jdbc.update(
                    c,
                    "INSERT INTO telemetry_installation (id, merchant_id, cms, site_key, site_url, status, error_rate, "
                            + "errors_24h, events_24h, heartbeat_count, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?, 'active', 0, 0, 0, 0, ?, ?)",
                    id,
                    merchantId,
                    cms,
                    siteKey,
                    siteUrl,
                    now,
                    now);
            return id;
        });
    }

    /** Every installation's status inputs, streamed (the fleet may be large). */
    public void forEachStatus(Consumer<StatusRow> each) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, cms, plugin_version, status, last_heartbeat FROM telemetry_installation")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(new StatusRow(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                Jdbc.getLong(rs, "last_heartbeat")));
                    }
                }
            }
            return null;
        });
    }

    /** Sets statuses: (id, status) pairs, in batches. */
    public int setStatuses(List<String[]> changes) {
        int done = 0;
        for (int from = 0; from < changes.size(); from += 1000) {
            List<String[]> part = changes.subList(from, Math.min(changes.size(), from + 1000));
            long now = System.currentTimeMillis();
            done += db.inTransaction(c -> Jdbc.batch(
                            c,
                            "UPDATE telemetry_installation SET status = ?, updated_at = ? WHERE id = ?",
                            part.stream()
                                    .map(p -> new Object[] {p[1], now, p[0]})
                                    .toList())
                    .length);
        }
        return done;
    }

    /** Error rates over the window: (installation id → events, failures); others go back to zero. */
    public int setErrorRates(Map<String, long[]> counts, java.util.function.BiFunction<Long, Long, Double> rate) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long events = e.getValue()[0];
            long failures = e.getValue()[1];
            rows.add(new Object[] {rate.apply(failures, events), failures, events, e.getKey()});
        }
        int done = 0;
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + 1000));
            done += db.inTransaction(c -> Jdbc.batch(
                            c,
                            "UPDATE telemetry_installation SET error_rate = ?, errors_24h = ?, events_24h = ? "
                                    + "WHERE id = ?",
                            part)
                    .length);
        }
        // installations without events in the window: back to zero
        List<String> quiet = db.query(
                "SELECT id FROM telemetry_installation WHERE events_24h > 0 OR errors_24h > 0 OR error_rate > 0",
                rs -> rs.getString(1));
        List<Object[]> zero = quiet.stream()
                .filter(id -> !counts.containsKey(id))
                .map(id -> new Object[] {id})
                .toList();
        for (int from = 0; from < zero.size(); from += 1000) {
            List<Object[]> part = zero.subList(from, Math.min(zero.size(), from + 1000));
            done += db.inTransaction(c -> Jdbc.batch(
                            c,
                            "UPDATE telemetry_installation SET error_rate = 0, errors_24h = 0, events_24h = 0 "
                                    + "WHERE id = ?",
                            part)
                    .length);
        }
        return done;
    }

    /** Counts by status, by cms, the average error rate and how many have a high one. */
    public record Counts(
            Map<String, Long> byStatus,
            Map<String, Long> byCms,
            double avgErrorRate,
            long highErrorRate,
            long stale,
            long total) {}

    public Counts counts(double highErrorRate, long staleBefore) {
        return db.read(c -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (Object[] r : Jdbc.query(c, "SELECT status, COUNT(*) FROM telemetry_installation GROUP BY status", rs ->
                    new Object[] {rs.getString(1), rs.getLong(2)})) {
                byStatus.put((String) r[0], (Long) r[1]);
            }
            Map<String, Long> byCms = new LinkedHashMap<>();
            for (Object[] r : Jdbc.query(
                    c, "SELECT cms, COUNT(*) FROM telemetry_installation GROUP BY cms ORDER BY 2 DESC, 1", rs ->
                            new Object[] {rs.getString(1), rs.getLong(2)})) {
                byCms.put((String) r[0], (Long) r[1]);
            }
            double avg = Jdbc.query(c, "SELECT AVG(error_rate) FROM telemetry_installation", rs -> rs.getDouble(1))
                    .get(0);
            long high =
                    Jdbc.count(c, "SELECT COUNT(*) FROM telemetry_installation WHERE error_rate > ?", highErrorRate);
            long stale = Jdbc.count(
                    c,
                    "SELECT COUNT(*) FROM telemetry_installation WHERE last_heartbeat IS NULL OR last_heartbeat < ?",
                    staleBefore);
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            return new Counts(byStatus, byCms, avg, high, stale, total);
        });
    }

    /** How many installations run each version of a cms. */
    public Map<String, Long> versionCounts(String cms) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object[] r : db.query(
                "SELECT plugin_version, COUNT(*) FROM telemetry_installation WHERE cms = ? AND plugin_version IS NOT NULL "
                        + "GROUP BY plugin_version",
                rs -> new Object[] {rs.getString(1), rs.getLong(2)},
                cms)) {
            out.put((String) r[0], (Long) r[1]);
        }
        return out;
    }

    static InstallationRow row(ResultSet rs) throws SQLException {
        Long last = Jdbc.getLong(rs, "last_heartbeat");
        return new InstallationRow(
                rs.getString("id"),
                rs.getString("merchant_id"),
                rs.getString("merchant_name"),
                rs.getString("merchant_email"),
                rs.getString("merchant_phone"),
                rs.getString("cms"),
                rs.getString("site_url"),
                rs.getString("plugin_version"),
                rs.getString("sdk_language"),
                rs.getString("environment"),
                rs.getString("php_version"),
                rs.getString("wordpress_version"),
                rs.getString("server_info"),
                Jdbc.getDouble(rs, "errors_last_hour"),
                rs.getString("status"),
                rs.getDouble("error_rate"),
                rs.getLong("errors_24h"),
                rs.getLong("events_24h"),
                rs.getLong("heartbeat_count"),
                last == null ? null : Instant.ofEpochMilli(last),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
