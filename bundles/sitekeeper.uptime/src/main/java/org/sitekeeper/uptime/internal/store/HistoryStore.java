package org.sitekeeper.uptime.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.FailureCause;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.internal.domain.ResponseHistogram;
import org.sitekeeper.uptime.internal.domain.Rollup;
import org.sitekeeper.uptime.internal.domain.RollupBuckets;

/**
 * History: raw results (kept short), incidents, and hour and day rollups. A watermark says up to which hour the
 * raw results have been rolled up; a window is read from day rollups, then hour rollups, then raw results after
 * the watermark, so it is exact up to the last check.
 */
public final class HistoryStore {

    static final String WATERMARK = "rollup";
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long DAY = Duration.ofDays(1).toMillis();

    private final UptimeDb db;

    public HistoryStore(UptimeDb db) {
        this.db = db;
    }

    // ---------------------------------------------------------------- raw results

    public List<CheckResultDto> results(long monitorId, int limit) {
        return db.query(
                "SELECT monitor_id, checked_at, outcome, response_ms, status_code, cause, detail FROM uptime_result"
                        + " WHERE monitor_id = ? ORDER BY checked_at DESC, id DESC FETCH FIRST "
                        + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY",
                rs -> new CheckResultDto(
                        rs.getLong("monitor_id"),
                        Instant.ofEpochMilli(rs.getLong("checked_at")),
                        MonitorState.parse(rs.getString("outcome")).orElse(MonitorState.UNKNOWN),
                        UptimeDb.getInt(rs, "response_ms"),
                        UptimeDb.getInt(rs, "status_code"),
                        cause(rs.getString("cause")),
                        rs.getString("detail"),
                        null),
                monitorId);
    }

    /** Response times of the most recent successful checks, oldest first (for a sparkline). */
    public List<Integer> recentResponseTimes(long monitorId, int limit) {
        List<Integer> newest = db.query(
                "SELECT response_ms FROM uptime_result WHERE monitor_id = ? AND outcome = 'up'"
                        + " AND response_ms IS NOT NULL ORDER BY checked_at DESC FETCH FIRST "
                        + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY",
                rs -> rs.getInt(1),
                monitorId);
        List<Integer> oldestFirst = new ArrayList<>(newest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    // ---------------------------------------------------------------- incidents

    /** Incidents newest first, after the incident id {@code afterId} (0: from the newest). */
    public List<IncidentDto> incidents(
            Long monitorId, Long siteId, boolean openOnly, long beforeId, int limit, long now) {
        StringBuilder sql = new StringBuilder("SELECT i.id, i.monitor_id, m.name, i.site_id, i.cause, i.detail,"
                + " i.started_at, i.ended_at FROM uptime_incident i JOIN uptime_monitor m ON m.id = i.monitor_id"
                + " WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (monitorId != null) {
            sql.append(" AND i.monitor_id = ?");
            params.add(monitorId);
        }
        if (siteId != null) {
            sql.append(" AND i.site_id = ?");
            params.add(siteId);
        }
        if (openOnly) {
            sql.append(" AND i.ended_at IS NULL");
        }
        if (beforeId > 0) {
            sql.append(" AND i.id < ?");
            params.add(beforeId);
        }
        sql.append(" ORDER BY i.id DESC FETCH FIRST ")
                .append(Math.max(1, limit))
                .append(" ROWS ONLY");
        return db.query(sql.toString(), rs -> incident(rs, now), params.toArray());
    }

    public long countIncidents(Long monitorId, Long siteId, boolean openOnly) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM uptime_incident WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (monitorId != null) {
            sql.append(" AND monitor_id = ?");
            params.add(monitorId);
        }
        if (siteId != null) {
            sql.append(" AND site_id = ?");
            params.add(siteId);
        }
        if (openOnly) {
            sql.append(" AND ended_at IS NULL");
        }
        return db.read(c -> UptimeDb.count(c, sql.toString(), params.toArray()));
    }

    /** Incidents of these monitors that started at or after {@code from}. */
    public long incidentsSince(Collection<Long> monitorIds, long from) {
        if (monitorIds.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>(monitorIds);
        params.add(from);
        return db.read(c -> UptimeDb.count(
                c,
                "SELECT COUNT(*) FROM uptime_incident WHERE monitor_id IN ("
                        + MonitorStore.placeholders(monitorIds.size()) + ") AND started_at >= ?",
                params.toArray()));
    }

    private static IncidentDto incident(ResultSet rs, long now) throws SQLException {
        long started = rs.getLong("started_at");
        Long ended = UptimeDb.getLong(rs, "ended_at");
        return new IncidentDto(
                rs.getLong("id"),
                rs.getLong("monitor_id"),
                rs.getString("name"),
                UptimeDb.getLong(rs, "site_id"),
                cause(rs.getString("cause")),
                rs.getString("detail"),
                Instant.ofEpochMilli(started),
                ended == null ? null : Instant.ofEpochMilli(ended),
                Math.max(0, ((ended == null ? now : ended) - started) / 1000));
    }

    private static FailureCause cause(String wire) {
        if (wire == null) {
            return null;
        }
        for (FailureCause c : FailureCause.values()) {
            if (c.wireName().equals(wire)) {
                return c;
            }
        }
        return FailureCause.ERROR;
    }

    // ---------------------------------------------------------------- rollups

    /** Up to which instant raw results are rolled up (an hour start), or {@code null} before the first run. */
    public Long watermark() {
        return db.read(c -> watermark(c));
    }

    private static Long watermark(Connection c) throws SQLException {
        List<Long> marks =
                UptimeDb.query(c, "SELECT done_until FROM uptime_mark WHERE name = ?", rs -> rs.getLong(1), WATERMARK);
        return marks.isEmpty() ? null : marks.get(0);
    }

    /**
     * Rolls up the next complete hour that ended at least {@code settle} before {@code now}: hour rollups of every
     * monitor with results in it, merged into their day rollups, and the watermark moved on, in one transaction
     * (so an hour is never counted twice). The first run starts at the oldest raw result.
     *
     * @return the hour rolled up, or {@code null} when none is ready
     */
    public Instant rollUpNextHour(Instant now, Duration settle) {
        return db.inTransaction(c -> {
            Long mark = watermark(c);
            long hour;
            if (mark == null) {
                List<Long> oldest = UptimeDb.query(c, "SELECT MIN(checked_at) FROM uptime_result", rs -> {
                    long v = rs.getLong(1);
                    return rs.wasNull() ? null : v;
                });
                long start = oldest.isEmpty() || oldest.get(0) == null
                        ? RollupBuckets.hourStart(now).toEpochMilli()
                        : RollupBuckets.hourStart(Instant.ofEpochMilli(oldest.get(0)))
                                .toEpochMilli();
                UptimeDb.update(c, "INSERT INTO uptime_mark (name, done_until) VALUES (?, ?)", WATERMARK, start);
                hour = start;
            } else {
                hour = mark;
            }
            if (hour + HOUR > now.toEpochMilli() - settle.toMillis()) {
                return null;
            }
            Map<Long, Rollup> hours = rawRollups(c, null, hour, hour + HOUR);
            writeRollups(c, RollupBuckets.Period.HOUR, hour, hours);
            long day = Math.floorDiv(hour, DAY) * DAY;
            if (!hours.isEmpty()) {
                Map<Long, Rollup> days = storedRollups(c, RollupBuckets.Period.DAY, day, hours.keySet());
                hours.forEach(
                        (id, r) -> days.computeIfAbsent(id, k -> new Rollup()).merge(r));
                writeRollups(c, RollupBuckets.Period.DAY, day, days);
            }
            int moved = UptimeDb.update(
                    c,
                    "UPDATE uptime_mark SET done_until = ? WHERE name = ? AND done_until = ?",
                    hour + HOUR,
                    WATERMARK,
                    hour);
            if (moved != 1) {
                throw new IllegalStateException("another node rolled up the hour " + Instant.ofEpochMilli(hour));
            }
            return Instant.ofEpochMilli(hour);
        });
    }

    private static Map<Long, Rollup> rawRollups(Connection c, Collection<Long> ids, long from, long to)
            throws SQLException {
        Map<Long, Rollup> out = new HashMap<>();
        if (from >= to || (ids != null && ids.isEmpty())) {
            return out;
        }
        StringBuilder sql = new StringBuilder(
                "SELECT monitor_id, outcome, response_ms FROM uptime_result WHERE checked_at >= ? AND checked_at < ?");
        List<Object> params = new ArrayList<>(List.of(from, to));
        if (ids != null) {
            sql.append(" AND monitor_id IN (")
                    .append(MonitorStore.placeholders(ids.size()))
                    .append(")");
            params.addAll(ids);
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setFetchSize(5000);
            UptimeDb.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MonitorState outcome = MonitorState.parse(rs.getString(2)).orElse(MonitorState.UNKNOWN);
                    out.computeIfAbsent(rs.getLong(1), k -> new Rollup())
                            .add(
                                    outcome == MonitorState.PAUSED ? MonitorState.UNKNOWN : outcome,
                                    UptimeDb.getInt(rs, "response_ms"));
                }
            }
        }
        return out;
    }

    private static Map<Long, Rollup> storedRollups(
            Connection c, RollupBuckets.Period period, long bucket, Collection<Long> ids) throws SQLException {
        Map<Long, Rollup> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT monitor_id, up_count, down_count, unknown_count,"
                        + " response_sum, response_count, histogram FROM uptime_rollup WHERE period = ? AND bucket_start = ?")) {
            ps.setFetchSize(5000);
            UptimeDb.bind(ps, period.wireName(), bucket);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (ids.contains(id)) {
                        out.put(id, rollup(rs));
                    }
                }
            }
        }
        return out;
    }

    private static Rollup rollup(ResultSet rs) throws SQLException {
        return Rollup.of(
                rs.getLong("up_count"),
                rs.getLong("down_count"),
                rs.getLong("unknown_count"),
                rs.getLong("response_sum"),
                rs.getLong("response_count"),
                ResponseHistogram.decode(rs.getString("histogram")));
    }

    private static void writeRollups(Connection c, RollupBuckets.Period period, long bucket, Map<Long, Rollup> rollups)
            throws SQLException {
        if (rollups.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(rollups.keySet());
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM uptime_rollup WHERE monitor_id = ? AND period = ? AND bucket_start = ?")) {
            for (Long id : ids) {
                UptimeDb.bind(delete, id, period.wireName(), bucket);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO uptime_rollup (monitor_id, period, bucket_start,"
                        + " up_count, down_count, unknown_count, response_sum, response_count, histogram)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int n = 0;
            for (Long id : ids) {
                Rollup r = rollups.get(id);
                UptimeDb.bind(
                        insert,
                        id,
                        period.wireName(),
                        bucket,
                        r.up(),
                        r.down(),
                        r.unknown(),
                        r.sumResponseMs(),
                        r.responseCount(),
                        r.histogram().encode());
                insert.addBatch();
                if (++n % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Stored rollups of these monitors, merged, over buckets {@code [from, to)}. */
    private static Rollup merged(Connection c, RollupBuckets.Period period, Collection<Long> ids, long from, long to)
            throws SQLException {
        Rollup total = new Rollup();
        if (from >= to || ids.isEmpty()) {
            return total;
        }
        List<Object> params = new ArrayList<>(List.of(period.wireName(), from, to));
        params.addAll(ids);
        for (Rollup r : UptimeDb.query(
                c,
                "SELECT up_count, down_count, unknown_count, response_sum, response_count, histogram FROM uptime_rollup"
                        + " WHERE period = ? AND bucket_start >= ? AND bucket_start < ? AND monitor_id IN ("
                        + MonitorStore.placeholders(ids.size()) + ")",
                HistoryStore::rollup,
                params.toArray())) {
            total.merge(r);
        }
        return total;
    }

    /**
     * The rollup of these monitors over {@code [from, now]}: day rollups for whole days before the watermark's day
     * (when {@code from} is a day start), hour rollups up to the watermark, raw results after it.
     */
    public Rollup window(Collection<Long> ids, long from, long now) {
        if (ids.isEmpty()) {
            return new Rollup();
        }
        return db.read(c -> {
            Long markOrNull = watermark(c);
            long mark = markOrNull == null ? from : Math.max(from, Math.min(markOrNull, now));
            Rollup total = new Rollup();
            long hoursFrom = from;
            if (from % DAY == 0) {
                long markDay = Math.floorDiv(mark, DAY) * DAY;
                total.merge(merged(c, RollupBuckets.Period.DAY, ids, from, markDay));
                hoursFrom = Math.max(from, markDay);
            }
            total.merge(merged(c, RollupBuckets.Period.HOUR, ids, hoursFrom, mark));
            rawRollups(c, ids, mark, now + 1).values().forEach(total::merge);
            return total;
        });
    }

    /** One rollup per UTC day for the {@code days} days up to today, oldest first. */
    public Map<LocalDate, Rollup> daily(Collection<Long> ids, Instant now, int days) {
        long today = RollupBuckets.dayStart(now).toEpochMilli();
        long first = today - (days - 1L) * DAY;
        Map<LocalDate, Rollup> out = new TreeMap<>();
        for (long d = first; d <= today; d += DAY) {
            out.put(LocalDate.ofInstant(Instant.ofEpochMilli(d), ZoneOffset.UTC), new Rollup());
        }
        if (ids.isEmpty()) {
            return out;
        }
        return db.read(c -> {
            Long markOrNull = watermark(c);
            long mark = markOrNull == null ? first : Math.max(first, markOrNull);
            long markDay = Math.floorDiv(mark, DAY) * DAY;
            List<Object> params = new ArrayList<>(List.of(first, markDay));
            params.addAll(ids);
            for (Object[] row : UptimeDb.query(
                    c,
                    "SELECT bucket_start, up_count, down_count, unknown_count, response_sum, response_count, histogram"
                            + " FROM uptime_rollup WHERE period = 'd' AND bucket_start >= ? AND bucket_start < ?"
                            + " AND monitor_id IN (" + MonitorStore.placeholders(ids.size()) + ")",
                    rs -> new Object[] {rs.getLong("bucket_start"), rollup(rs)},
                    params.toArray())) {
                out.get(LocalDate.ofInstant(Instant.ofEpochMilli((Long) row[0]), ZoneOffset.UTC))
                        .merge((Rollup) row[1]);
            }
            for (long d = Math.max(first, markDay); d <= today; d += DAY) {
                long hoursTo = Math.min(d + DAY, mark);
                Rollup day = out.get(LocalDate.ofInstant(Instant.ofEpochMilli(d), ZoneOffset.UTC));
                day.merge(merged(c, RollupBuckets.Period.HOUR, ids, d, hoursTo));
                long rawFrom = Math.max(d, mark);
                long rawTo = Math.min(d + DAY, now.toEpochMilli() + 1);
                rawRollups(c, ids, rawFrom, rawTo).values().forEach(day::merge);
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- retention

    /** What one clean-up removed. */
    public record Removed(long results, long hourRollups, long dayRollups, long incidents) {}

    /**
     * Deletes raw results older than {@code rawCutoff} (state changes are kept until {@code dayCutoff}), hour
     * rollups older than {@code hourCutoff}, day rollups and closed incidents older than {@code dayCutoff}; a chunk
     * of at most six hours of results per transaction, so no transaction grows large.
     */
    public Removed purge(long rawCutoff, long hourCutoff, long dayCutoff) {
        long results = 0;
        Long oldest = db.read(c -> {
            List<Long> v =
                    UptimeDb.query(c, "SELECT MIN(checked_at) FROM uptime_result WHERE state_change = FALSE", rs -> {
                        long x = rs.getLong(1);
                        return rs.wasNull() ? null : x;
                    });
            return v.isEmpty() ? null : v.get(0);
        });
        if (oldest != null) {
            for (long from = oldest; from < rawCutoff; from += 6 * HOUR) {
                long to = Math.min(rawCutoff, from + 6 * HOUR);
                results += db.inTransaction(c -> UptimeDb.update(
                        c, "DELETE FROM uptime_result WHERE checked_at < ? AND state_change = FALSE", to));
            }
        }
        results +=
                db.inTransaction(c -> UptimeDb.update(c, "DELETE FROM uptime_result WHERE checked_at < ?", dayCutoff));
        long hours = db.inTransaction(c ->
                UptimeDb.update(c, "DELETE FROM uptime_rollup WHERE period = 'h' AND bucket_start < ?", hourCutoff));
        long days = db.inTransaction(c ->
                UptimeDb.update(c, "DELETE FROM uptime_rollup WHERE period = 'd' AND bucket_start < ?", dayCutoff));
        long incidents = db.inTransaction(c -> UptimeDb.update(
                c, "DELETE FROM uptime_incident WHERE ended_at IS NOT NULL AND ended_at < ?", dayCutoff));
        return new Removed(results, hours, days, incidents);
    }
}
