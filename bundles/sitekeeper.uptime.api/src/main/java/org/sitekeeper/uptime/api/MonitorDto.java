package org.sitekeeper.uptime.api;

import java.time.Instant;
import java.util.Map;

/**
 * A monitor and what is known about it now.
 *
 * @param state up, down, unknown or paused
 * @param stateSince when the state began
 * @param lastCheckAt when it was last checked, or {@code null}
 * @param lastResponseMs response time of the last check, or {@code null}
 * @param lastStatusCode HTTP status of the last check, or {@code null}
 * @param lastCause why the last check failed, or {@code null} when it passed
 * @param lastError the last failure in words, or {@code null}
 * @param nextCheckAt when it is due next
 * @param certificateExpiresAt expiry of the HTTPS certificate last seen, or {@code null}
 * @param certificateDaysLeft whole days until then, or {@code null}
 * @param openIncidentId the incident open now, or {@code null}
 */
public record MonitorDto(
        long id,
        String name,
        MonitorType type,
        String url,
        Long siteId,
        String method,
        String expectedStatus,
        String keyword,
        boolean keywordAbsent,
        Map<String, String> headers,
        boolean followRedirects,
        int maxResponseMs,
        int timeoutSeconds,
        int intervalSeconds,
        int failuresToDown,
        int successesToUp,
        boolean ignoreTlsErrors,
        boolean enabled,
        MonitorState state,
        Instant stateSince,
        Instant lastCheckAt,
        Integer lastResponseMs,
        Integer lastStatusCode,
        FailureCause lastCause,
        String lastError,
        Instant nextCheckAt,
        Instant certificateExpiresAt,
        Integer certificateDaysLeft,
        Long openIncidentId,
        Instant createdAt,
        Instant updatedAt) {

    public MonitorDto {
        headers = Map.copyOf(headers);
    }
}
