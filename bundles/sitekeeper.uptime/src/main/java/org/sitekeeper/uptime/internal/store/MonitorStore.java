package org.sitekeeper.uptime.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.uptime.api.MonitorState;

/** {@code uptime_monitor}: settings, verdicts, the schedule and leases. */
public final class MonitorStore {

    private static final String SELECT = "SELECT " + MonitorRow.COLUMNS + " FROM uptime_monitor";
    private static final int CHUNK = 100;
    private static final String SELECT_CLAIMED =
            SELECT + " WHERE claimed_by = ? AND id IN (" + placeholders(CHUNK) + ")";

    private final UptimeDb db;

    public MonitorStore(UptimeDb db) {
        this.db = db;
    }

    public long insert(MonitorSettings s, String createdBy, long now, long firstDueAt) {
        return insertAll(List.of(s), createdBy, now, index -> firstDueAt).get(0);
    }

    /**
     * Inserts monitors in one transaction (one, or an import); {@code firstDue} gives each its first due time.
     */
    public List<Long> insertAll(List<MonitorSettings> all, String createdBy, long now, FirstDue firstDue) {
        return db.inTransaction(c -> {
            List<Long> ids = new ArrayList<>(all.size());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO uptime_monitor (site_id, name, type, url, host, method, expected_status, keyword,"
                            + " keyword_absent, headers, follow_redirects, max_response_ms, timeout_seconds,"
                            + " interval_seconds, failures_to_down, successes_to_up, ignore_tls, enabled, verdict,"
                            + " failures, successes, state_since, next_due_at, created_by, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unknown', 0, 0, ?,"
                            + " ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < all.size(); i++) {
                    MonitorSettings s = all.get(i);
                    UptimeDb.bind(ps, s.columnsThen(now, firstDue.at(i), createdBy, now, now));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
            }
            if (firstDue.onGrid()) {
                // now that the ids are known: each first check on its monitor's slot, spread over the interval
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE uptime_monitor SET next_due_at = ? WHERE id = ?")) {
                    for (int i = 0; i < ids.size(); i++) {
                        UptimeDb.bind(ps, firstDue.slot(i, ids.get(i)), ids.get(i));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return ids;
        });
    }

    /** When the {@code index}-th imported monitor is first due. */
    @FunctionalInterface
    public interface FirstDue {
        long at(int index);

        /** Whether {@link #slot} moves the first due times onto the monitors' slots once their ids are known. */
        default boolean onGrid() {
            return false;
        }

        /** The first due time of the {@code index}-th monitor, now {@code id}. */
        default long slot(int index, long id) {
            return at(index);
        }
    }

    public Optional<MonitorRow> find(long id) {
        return db.query(SELECT + " WHERE id = ?", MonitorRow::of, id).stream().findFirst();
    }

    /** The monitors of a site, in id order. */
    public List<MonitorRow> ofSite(long siteId) {
        return db.query(SELECT + " WHERE site_id = ? ORDER BY id", MonitorRow::of, siteId);
    }

    /** One page, id order, filtered; and how many match over all pages. */
    public PageOf list(MonitorState state, Long siteId, String text, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE id > ?");
        List<Object> params = new ArrayList<>();
        params.add(page.after());
        StringBuilder filter = new StringBuilder();
        List<Object> filterParams = new ArrayList<>();
        if (siteId != null) {
            filter.append(" AND site_id = ?");
            filterParams.add(siteId);
        }
        if (text != null && !text.isBlank()) {
            filter.append(" AND (LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(url) LIKE ? ESCAPE '\\')");
            String like = "%" + escapeLike(text.strip().toLowerCase(Locale.ROOT)) + "%";
            filterParams.add(like);
            filterParams.add(like);
        }
        if (state != null) {
            filter.append(stateFilter(state));
        }
        where.append(filter);
        params.addAll(filterParams);
        return db.read(c -> {
            List<MonitorRow> rows = UptimeDb.query(
                    c,
                    SELECT + where + " ORDER BY id FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY",
                    MonitorRow::of,
                    params.toArray());
            long total = UptimeDb.count(
                    c, "SELECT COUNT(*) FROM uptime_monitor WHERE 1 = 1" + filter, filterParams.toArray());
            boolean more = rows.size() > page.limit();
            return new PageOf(more ? rows.subList(0, page.limit()) : rows, total, more);
        });
    }

    /** A page of rows and whether more follow. */
    public record PageOf(List<MonitorRow> rows, long total, boolean more) {}

    private static String stateFilter(MonitorState state) {
        switch (state) {
            case PAUSED:
                return " AND enabled = FALSE";
            case UNKNOWN:
                return " AND enabled = TRUE AND (last_outcome = 'unknown' OR verdict = 'unknown')";
            case UP:
                return " AND enabled = TRUE AND verdict = 'up' AND (last_outcome IS NULL OR last_outcome <> 'unknown')";
            case DOWN:
                return " AND enabled = TRUE AND verdict = 'down'"
                        + " AND (last_outcome IS NULL OR last_outcome <> 'unknown')";
            default:
                throw new IllegalArgumentException(state.toString());
        }
    }

    /** How many monitors are in each state (every state present). */
    public Map<MonitorState, Long> countByState() {
        return db.read(c -> {
            Map<MonitorState, Long> counts = new TreeMap<>();
            for (MonitorState state : MonitorState.values()) {
                counts.put(
                        state,
                        UptimeDb.count(c, "SELECT COUNT(*) FROM uptime_monitor WHERE 1 = 1" + stateFilter(state)));
            }
            return counts;
        });
    }

    /**
     * Changes the settings. A changed interval or a monitor enabled again is due at its next slot
     * ({@code nextDueAt}); a paused one forgets its streaks.
     */
    public boolean update(long id, MonitorSettings s, long now, Long nextDueAt) {
        return db.inTransaction(c -> {
            if (!s.enabled()) {
                // pausing ends what the monitor was saying: its incident closes, its verdict starts afresh
                UptimeDb.update(
                        c,
                        "UPDATE uptime_incident SET ended_at = ? WHERE monitor_id = ? AND ended_at IS NULL"
                                + " AND EXISTS (SELECT 1 FROM uptime_monitor m WHERE m.id = ? AND m.enabled = TRUE)",
                        now,
                        id,
                        id);
                UptimeDb.update(
                        c,
                        "UPDATE uptime_monitor SET verdict = 'unknown', failures = 0, successes = 0,"
                                + " streak_started_at = NULL, last_outcome = NULL, open_incident_id = NULL,"
                                + " state_since = ? WHERE id = ? AND enabled = TRUE",
                        now,
                        id);
            }
            int updated = UptimeDb.update(
                    c,
                    "UPDATE uptime_monitor SET site_id = ?, name = ?, type = ?, url = ?, host = ?, method = ?,"
                            + " expected_status = ?, keyword = ?, keyword_absent = ?, headers = ?,"
                            + " follow_redirects = ?, max_response_ms = ?, timeout_seconds = ?, interval_seconds = ?,"
                            + " failures_to_down = ?, successes_to_up = ?, ignore_tls = ?, enabled = ?,"
                            + " next_due_at = COALESCE(?, next_due_at), updated_at = ? WHERE id = ?",
                    s.columnsThen(UptimeDb.orNull(nextDueAt), now, id));
            return updated > 0;
        });
    }

    /** Deletes a monitor with its results, incidents and rollups. */
    public boolean delete(long id) {
        return db.inTransaction(c -> {
            UptimeDb.update(c, "DELETE FROM uptime_result WHERE monitor_id = ?", id);
            UptimeDb.update(c, "DELETE FROM uptime_incident WHERE monitor_id = ?", id);
            UptimeDb.update(c, "DELETE FROM uptime_rollup WHERE monitor_id = ?", id);
            return UptimeDb.update(c, "DELETE FROM uptime_monitor WHERE id = ?", id) > 0;
        });
    }

    /** The ids of a site's monitors. */
    public List<Long> idsOfSite(long siteId) {
        return db.query("SELECT id FROM uptime_monitor WHERE site_id = ? ORDER BY id", rs -> rs.getLong(1), siteId);
    }

    // ---------------------------------------------------------------- leases

    /**
     * Leases up to {@code limit} enabled monitors due by {@code horizon} to {@code token} until {@code leaseUntil}
     * and returns them, soonest due first. Two nodes never lease the same monitor: on PostgreSQL through
     * {@code FOR UPDATE SKIP LOCKED}, on Derby (one node) through a conditional update.
     */
    public List<MonitorRow> claimDue(String token, long now, long horizon, long leaseUntil, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.inTransaction(c -> {
            if (db.postgres()) {
                return UptimeDb.query(
                        c,
                        "UPDATE uptime_monitor SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT id FROM"
                                + " uptime_monitor WHERE enabled = TRUE AND next_due_at <= ? AND (claimed_until IS NULL"
                                + " OR claimed_until < ?) ORDER BY next_due_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                                + " RETURNING " + MonitorRow.COLUMNS,
                        MonitorRow::of,
                        token,
                        leaseUntil,
                        horizon,
                        now,
                        limit);
            }
            List<Long> due = UptimeDb.query(
                    c,
                    // one statement text whatever the limit: Derby compiles it once (a new text each time would
                    // read the catalog while imports draw identity values from it)
                    "SELECT id FROM uptime_monitor WHERE next_due_at <= ? AND enabled = TRUE AND (claimed_until IS NULL"
                            + " OR claimed_until < ?) ORDER BY next_due_at FETCH FIRST ? ROWS ONLY",
                    rs -> rs.getLong(1),
                    horizon,
                    now,
                    limit);
            if (due.isEmpty()) {
                return List.of();
            }
            List<Long> won = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE uptime_monitor SET claimed_by = ?, claimed_until = ? WHERE id = ?"
                            + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
                for (Long id : due) {
                    UptimeDb.bind(ps, token, leaseUntil, id, now);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] != 0) {
                        won.add(due.get(i));
                    }
                }
            }
            List<MonitorRow> rows = new ArrayList<>(won.size());
            for (int from = 0; from < won.size(); from += CHUNK) {
                List<Long> part = new ArrayList<>(won.subList(from, Math.min(won.size(), from + CHUNK)));
                while (part.size() < CHUNK) {
                    part.add(part.get(0)); // always CHUNK placeholders: one statement text
                }
                rows.addAll(UptimeDb.query(c, SELECT_CLAIMED, MonitorRow::of, concat(token, part)));
            }
            rows.sort((a, b) -> Long.compare(a.nextDueAt(), b.nextDueAt()));
            return rows;
        });
    }

    /** Leases one monitor (to check it now) unless another check of it is under way. */
    public Optional<MonitorRow> claimOne(long id, String token, long now, long leaseUntil) {
        return db.inTransaction(c -> {
            int updated = UptimeDb.update(
                    c,
                    "UPDATE uptime_monitor SET claimed_by = ?, claimed_until = ? WHERE id = ?"
                            + " AND (claimed_until IS NULL OR claimed_until < ?)",
                    token,
                    leaseUntil,
                    id,
                    now);
            if (updated == 0) {
                return Optional.empty();
            }
            return UptimeDb.query(c, SELECT + " WHERE id = ?", MonitorRow::of, id).stream()
                    .findFirst();
        });
    }

    /** Gives back a lease without a result (the check was dropped: the node is stopping). */
    public void release(long id, String token) {
        db.inTransaction(c -> UptimeDb.update(
                c,
                "UPDATE uptime_monitor SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                id,
                token));
    }

    /** Gives back every lease whose token starts with {@code prefix} (this node's, after a restart). */
    public int releaseAll(String prefix) {
        return db.inTransaction(c -> UptimeDb.update(
                c,
                "UPDATE uptime_monitor SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by LIKE ? ESCAPE '\\'",
                escapeLike(prefix) + "%"));
    }

    // ---------------------------------------------------------------- results

    /** What {@link #record} did with one write. */
    public record Written(CheckWrite write, boolean applied, Long incidentId) {}

    /**
     * Writes finished checks in one transaction: the monitors' verdicts and schedules (only where the lease is
     * still held), their results, and incidents opened or closed.
     */
    public List<Written> record(List<CheckWrite> writes) {
        if (writes.isEmpty()) {
            return List.of();
        }
        return db.inTransaction(c -> {
            int[] counts;
            try (PreparedStatement ps = c.prepareStatement("UPDATE uptime_monitor SET verdict = ?, failures = ?,"
                    + " successes = ?, streak_started_at = ?, state_since = ?, last_outcome = ?, last_check_at = ?,"
                    + " last_response_ms = ?, last_status_code = ?, last_cause = ?, last_error = ?, next_due_at = ?,"
                    + " claimed_by = NULL, claimed_until = NULL, cert_expires_at = COALESCE(?, cert_expires_at),"
                    + " cert_warned_days = ? WHERE id = ? AND claimed_by = ? AND enabled = TRUE")) {
                for (CheckWrite w : writes) {
                    UptimeDb.bind(
                            ps,
                            w.verdict(),
                            w.failures(),
                            w.successes(),
                            UptimeDb.orNull(w.streakStartedAt()),
                            w.stateSince(),
                            w.outcome(),
                            w.checkedAt(),
                            UptimeDb.orNull(w.responseMs()),
                            UptimeDb.orNull(w.statusCode()),
                            w.cause(),
                            cut(w.detail(), 500),
                            w.nextDueAt(),
                            UptimeDb.orNull(w.certExpiresAt()),
                            UptimeDb.orNull(w.certWarnedDays()),
                            w.monitorId(),
                            w.token());
                    ps.addBatch();
                }
                counts = ps.executeBatch();
            }
            // a monitor paused meanwhile keeps its verdict; its lease is given back
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE uptime_monitor SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")) {
                boolean any = false;
                for (int i = 0; i < writes.size(); i++) {
                    if (counts[i] == 0) {
                        UptimeDb.bind(
                                ps, writes.get(i).monitorId(), writes.get(i).token());
                        ps.addBatch();
                        any = true;
                    }
                }
                if (any) {
                    ps.executeBatch();
                }
            }
            List<Written> out = new ArrayList<>(writes.size());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO uptime_result (monitor_id, checked_at,"
                            + " outcome, response_ms, status_code, cause, detail, state_change) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                boolean any = false;
                for (int i = 0; i < writes.size(); i++) {
                    CheckWrite w = writes.get(i);
                    if (counts[i] == 0) {
                        continue;
                    }
                    UptimeDb.bind(
                            ps,
                            w.monitorId(),
                            w.checkedAt(),
                            w.outcome(),
                            UptimeDb.orNull(w.responseMs()),
                            UptimeDb.orNull(w.statusCode()),
                            w.cause(),
                            cut(w.detail(), 300),
                            w.stateChanged());
                    ps.addBatch();
                    any = true;
                }
                if (any) {
                    ps.executeBatch();
                }
            }
            for (int i = 0; i < writes.size(); i++) {
                CheckWrite w = writes.get(i);
                boolean applied = counts[i] != 0;
                Long incident = null;
                if (applied && w.incident() == CheckWrite.OPEN) {
                    incident = openIncident(c, w);
                } else if (applied && w.incident() == CheckWrite.CLOSE && w.openIncidentId() != null) {
                    UptimeDb.update(
                            c,
                            "UPDATE uptime_incident SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                            w.checkedAt(),
                            w.openIncidentId());
                    UptimeDb.update(c, "UPDATE uptime_monitor SET open_incident_id = NULL WHERE id = ?", w.monitorId());
                    incident = w.openIncidentId();
                }
                out.add(new Written(w, applied, incident));
            }
            return out;
        });
    }

    private static long openIncident(Connection c, CheckWrite w) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO uptime_incident (monitor_id, site_id, cause, detail, started_at, confirmed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            UptimeDb.bind(
                    ps,
                    w.monitorId(),
                    UptimeDb.orNull(w.siteId()),
                    w.cause() == null ? "error" : w.cause(),
                    cut(w.detail(), 500),
                    w.incidentStartedAt(),
                    w.checkedAt());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        UptimeDb.update(c, "UPDATE uptime_monitor SET open_incident_id = ? WHERE id = ?", id, w.monitorId());
        return id;
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Object[] concat(Object first, List<Long> rest) {
        Object[] all = new Object[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }
}
