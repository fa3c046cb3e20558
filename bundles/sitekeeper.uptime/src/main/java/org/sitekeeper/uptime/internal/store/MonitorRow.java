package org.sitekeeper.uptime.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.internal.domain.Verdict;

/**
 * One row of {@code uptime_monitor}: settings, verdict and schedule. {@code headersSealed} is the sealed JSON of
 * the request headers (they may carry credentials), or {@code null}.
 */
public record MonitorRow(
        long id,
        Long siteId,
        String name,
        String type,
        String url,
        String host,
        String method,
        String expectedStatus,
        String keyword,
        boolean keywordAbsent,
        String headersSealed,
        boolean followRedirects,
        int maxResponseMs,
        int timeoutSeconds,
        int intervalSeconds,
        int failuresToDown,
        int successesToUp,
        boolean ignoreTls,
        boolean enabled,
        String verdict,
        int failures,
        int successes,
        Long streakStartedAt,
        long stateSince,
        String lastOutcome,
        Long lastCheckAt,
        Integer lastResponseMs,
        Integer lastStatusCode,
        String lastCause,
        String lastError,
        long nextDueAt,
        String claimedBy,
        Long claimedUntil,
        Long certExpiresAt,
        Integer certWarnedDays,
        Long openIncidentId,
        String createdBy,
        long createdAt,
        long updatedAt) {

    static final String COLUMNS = "id, site_id, name, type, url, host, method, expected_status, keyword,"
            + " keyword_absent, headers, follow_redirects, max_response_ms, timeout_seconds, interval_seconds,"
            + " failures_to_down, successes_to_up, ignore_tls, enabled, verdict, failures, successes,"
            + " streak_started_at, state_since, last_outcome, last_check_at, last_response_ms, last_status_code,"
            + " last_cause, last_error, next_due_at, claimed_by, claimed_until, cert_expires_at, cert_warned_days,"
            + " open_incident_id, created_by, created_at, updated_at";

    static MonitorRow of(ResultSet rs) throws SQLException {
        return new MonitorRow(
                rs.getLong("id"),
                UptimeDb.getLong(rs, "site_id"),
                rs.getString("name"),
                rs.getString("type"),
                rs.getString("url"),
                rs.getString("host"),
                rs.getString("method"),
                rs.getString("expected_status"),
                rs.getString("keyword"),
                rs.getBoolean("keyword_absent"),
                rs.getString("headers"),
                rs.getBoolean("follow_redirects"),
                rs.getInt("max_response_ms"),
                rs.getInt("timeout_seconds"),
                rs.getInt("interval_seconds"),
                rs.getInt("failures_to_down"),
                rs.getInt("successes_to_up"),
                rs.getBoolean("ignore_tls"),
                rs.getBoolean("enabled"),
                rs.getString("verdict"),
                rs.getInt("failures"),
                rs.getInt("successes"),
                UptimeDb.getLong(rs, "streak_started_at"),
                rs.getLong("state_since"),
                rs.getString("last_outcome"),
                UptimeDb.getLong(rs, "last_check_at"),
                UptimeDb.getInt(rs, "last_response_ms"),
                UptimeDb.getInt(rs, "last_status_code"),
                rs.getString("last_cause"),
                rs.getString("last_error"),
                rs.getLong("next_due_at"),
                rs.getString("claimed_by"),
                UptimeDb.getLong(rs, "claimed_until"),
                UptimeDb.getLong(rs, "cert_expires_at"),
                UptimeDb.getInt(rs, "cert_warned_days"),
                UptimeDb.getLong(rs, "open_incident_id"),
                rs.getString("created_by"),
                rs.getLong("created_at"),
                rs.getLong("updated_at"));
    }

    /** The verdict state machine's view of this row. */
    public Verdict toVerdict() {
        MonitorState state = MonitorState.parse(verdict).orElse(MonitorState.UNKNOWN);
        int f = successes > 0 ? 0 : failures;
        return new Verdict(
                state == MonitorState.PAUSED ? MonitorState.UNKNOWN : state,
                f,
                successes,
                streakStartedAt == null ? null : Instant.ofEpochMilli(streakStartedAt));
    }

    /** What users see: paused when disabled, unknown before a verdict or while checks cannot run properly. */
    public MonitorState displayState() {
        if (!enabled) {
            return MonitorState.PAUSED;
        }
        if ("unknown".equals(lastOutcome)) {
            return MonitorState.UNKNOWN;
        }
        return MonitorState.parse(verdict).orElse(MonitorState.UNKNOWN);
    }
}
