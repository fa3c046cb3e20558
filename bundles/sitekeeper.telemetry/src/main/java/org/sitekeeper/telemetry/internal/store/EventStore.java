package org.sitekeeper.telemetry.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sitekeeper.core.api.persistence.Jdbc;
import org.sitekeeper.telemetry.internal.domain.ErrorRate;

/** {@code telemetry_event}: batches of events, recent events, counts for error rates, retention. */
public final class EventStore {

    /** A stored event; {@code eventData} is the scrubbed JSON text. */
    public record EventRow(
            long id,
            String installationId,
            String eventId,
            String eventType,
            String severity,
            String eventData,
            String stackTrace,
            Instant occurredAt,
            Instant receivedAt) {}

    private static final String INSERT = "INSERT INTO telemetry_event (installation_id, event_id, event_type, "
            + "severity, failure, event_data, stack_trace, occurred_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Jdbc db;

    public EventStore(Jdbc db) {
        this.db = db;
    }

    /** Writes a batch in one transaction; an event whose {@code event_id} is already stored is skipped. */
    public List<Boolean> write(List<EventWrite> batch) {
        return db.inTransaction(c -> writeOnce(c, batch));
    }

    private static List<Boolean> writeOnce(Connection c, List<EventWrite> batch) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<Boolean> stored = new ArrayList<>(batch.size());
        Set<String> seen = new HashSet<>();
        for (EventWrite e : batch) {
            boolean fresh = e.eventId() == null
                    || (seen.add(e.installationId() + "\u0000" + e.eventId())
                            && Jdbc.count(
                                            c,
                                            "SELECT COUNT(*) FROM telemetry_event WHERE installation_id = ? AND event_id = ?",
                                            e.installationId(),
                                            e.eventId())
                                    == 0);
            stored.add(fresh);
            if (fresh) {
                rows.add(new Object[] {
                    e.installationId(),
                    e.eventId(),
                    e.eventType(),
                    e.severity(),
                    e.failure(),
                    e.eventData(),
                    e.stackTrace(),
                    e.occurredAt(),
                    e.receivedAt()
                });
            }
        }
        Jdbc.batch(c, INSERT, rows);
        // the installations' error rates follow their events at once (the hourly run catches up with time passing)
        Set<String> touched = new HashSet<>();
        long since = 0;
        for (EventWrite e : batch) {
            touched.add(e.installationId());
            since = Math.max(since, e.receivedAt());
        }
        since -= 24L * 3600 * 1000;
        for (String id : touched) {
            long events = Jdbc.count(
                    c,
                    "SELECT COUNT(*) FROM telemetry_event WHERE installation_id = ? AND received_at >= ?",
                    id,
                    since);
            long failures = Jdbc.count(
                    c,
                    "SELECT COUNT(*) FROM telemetry_event WHERE installation_id = ? AND received_at >= ? AND failure = TRUE",
                    id,
                    since);
            Jdbc.update(
                    c,
                    "UPDATE telemetry_installation SET error_rate = ?, errors_24h = ?, events_24h = ? WHERE id = ?",
                    ErrorRate.percent(failures, events),
                    failures,
                    events,
                    id);
        }
        return stored;
    }

    public List<EventRow> recent(String installationId, int limit) {
        return db.query(
                "SELECT id, installation_id, event_id, event_type, severity, event_data, stack_trace, occurred_at, "
                        + "received_at FROM telemetry_event WHERE installation_id = ? ORDER BY received_at DESC, id DESC "
                        + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                rs -> new EventRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        Instant.ofEpochMilli(rs.getLong(8)),
                        Instant.ofEpochMilli(rs.getLong(9))),
                installationId);
    }

    /** Per installation: {events, failures} received since {@code since}. */
    public Map<String, long[]> countsSince(long since) {
        Map<String, long[]> out = new HashMap<>();
        for (Object[] r : db.query(
                "SELECT installation_id, COUNT(*), SUM(CASE WHEN failure = TRUE THEN 1 ELSE 0 END) FROM telemetry_event "
                        + "WHERE received_at >= ? GROUP BY installation_id",
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)},
                since)) {
            out.put((String) r[0], new long[] {(Long) r[1], (Long) r[2]});
        }
        return out;
    }

    /** {events, failures} of one installation since {@code since}. */
    public long[] countsSince(String installationId, long since) {
        return db.read(c -> new long[] {
            Jdbc.count(
                    c,
                    "SELECT COUNT(*) FROM telemetry_event WHERE installation_id = ? AND received_at >= ?",
                    installationId,
                    since),
            Jdbc.count(
                    c,
                    "SELECT COUNT(*) FROM telemetry_event WHERE installation_id = ? AND received_at >= ? AND failure = TRUE",
                    installationId,
                    since)
        });
    }

    /** Deletes events received before {@code before}, in chunks; answers how many. */
    public int deleteBefore(long before) {
        return db.inTransaction(c -> Jdbc.update(c, "DELETE FROM telemetry_event WHERE received_at < ?", before));
    }
}
