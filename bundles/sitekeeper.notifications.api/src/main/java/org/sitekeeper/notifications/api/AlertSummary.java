package org.sitekeeper.notifications.api;

import java.time.Instant;

/**
 * One alert as messages describe it.
 *
 * @param alertKey dedupe key
 * @param topic the event topic, e.g. {@code sitekeeper/uptime/DOWN}
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param recovery whether it closes the alert ({@code …/UP}, {@code …/RESOLVED})
 * @param title one line
 * @param message the human sentence
 * @param link absolute URL to look at, or {@code null}
 * @param siteId the site, or {@code null}
 * @param siteName the site's name when known
 * @param occurredAt when it happened
 */
public record AlertSummary(
        String alertKey,
        String topic,
        String severity,
        boolean recovery,
        String title,
        String message,
        String link,
        Long siteId,
        String siteName,
        Instant occurredAt) {}
