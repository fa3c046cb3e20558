package org.sitekeeper.telemetry.internal.store;

import java.util.List;
import java.util.Optional;

import org.sitekeeper.core.api.persistence.Jdbc;

/** {@code telemetry_health_metric} (daily per installation) and {@code telemetry_alert} (open fleet alerts). */
public final class MetricStore {

    /** One day of an installation. */
    public record DayMetric(
            int day,
            String pluginVersion,
            String status,
            double errorRate,
            long events24h,
            long errors24h,
            long heartbeatCount) {}

    private final Jdbc db;

    public MetricStore(Jdbc db) {
        this.db = db;
    }

    /** Records every installation's numbers for {@code day} (again, when run twice that day); answers how many. */
    public int recordDay(int day, long now) {
        return db.inTransaction(c -> {
            Jdbc.update(c, "DELETE FROM telemetry_health_metric WHERE metric_day = ?", day);
            return Jdbc.update(
                    c,
                    "INSERT INTO telemetry_health_metric (installation_id, metric_day, plugin_version, status, "
                            + "error_rate, events_24h, errors_24h, heartbeat_count, recorded_at) "
                            + "SELECT id, ?, plugin_version, status, error_rate, events_24h, errors_24h, "
                            + "heartbeat_count, ? FROM telemetry_installation",
                    day,
                    now);
        });
    }

    public List<DayMetric> days(String installationId, int limit) {
        return db.query(
                "SELECT metric_day, plugin_version, status, error_rate, events_24h, errors_24h, heartbeat_count "
                        + "FROM telemetry_health_metric WHERE installation_id = ? ORDER BY metric_day DESC "
                        + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                rs -> new DayMetric(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDouble(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)),
                installationId);
    }

    public int deleteBefore(int day) {
        return db.inTransaction(c -> Jdbc.update(c, "DELETE FROM telemetry_health_metric WHERE metric_day < ?", day));
    }

    /** Opens a fleet alert; answers false when it is already open. */
    public boolean open(String key, String detail, long now) {
        return db.inTransaction(c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM telemetry_alert WHERE alert_key = ?", key) > 0) {
                return false;
            }
            Jdbc.update(
                    c, "INSERT INTO telemetry_alert (alert_key, raised_at, detail) VALUES (?, ?, ?)", key, now, detail);
            return true;
        });
    }

    /** Closes a fleet alert; answers whether it was open. */
    public boolean close(String key) {
        return db.inTransaction(c -> Jdbc.update(c, "DELETE FROM telemetry_alert WHERE alert_key = ?", key) > 0);
    }

    public Optional<Long> openSince(String key) {
        return db.query("SELECT raised_at FROM telemetry_alert WHERE alert_key = ?", rs -> rs.getLong(1), key).stream()
                .findFirst();
    }
}
