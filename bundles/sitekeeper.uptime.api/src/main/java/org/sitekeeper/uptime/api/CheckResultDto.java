package org.sitekeeper.uptime.api;

import java.time.Instant;

/**
 * One check.
 *
 * @param outcome {@code up}, {@code down} (failed) or {@code unknown} (could not run properly)
 * @param responseMs time to the full answer, or {@code null} when there was none
 * @param statusCode HTTP status, or {@code null}
 * @param cause why it failed, or {@code null}
 * @param detail the failure in words, or {@code null}
 * @param certificateExpiresAt the HTTPS certificate's expiry when one was seen
 */
public record CheckResultDto(
        long monitorId,
        Instant checkedAt,
        MonitorState outcome,
        Integer responseMs,
        Integer statusCode,
        FailureCause cause,
        String detail,
        Instant certificateExpiresAt) {}
