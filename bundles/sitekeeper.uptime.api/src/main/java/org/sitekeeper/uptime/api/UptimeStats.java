package org.sitekeeper.uptime.api;

/**
 * Uptime over one window.
 *
 * @param window {@code 24h}, {@code 7d}, {@code 30d} or {@code 365d}
 * @param uptimePercent share of up checks among up and down checks (unknown ones count for neither), or
 *     {@code null} without any
 * @param avgResponseMs mean response time of the successful checks, or {@code null}
 * @param p95ResponseMs 95th percentile (within a few percent), or {@code null}
 * @param checks checks in the window
 * @param incidents incidents that started in the window
 */
public record UptimeStats(
        String window,
        Double uptimePercent,
        Integer avgResponseMs,
        Integer p95ResponseMs,
        long checks,
        long incidents) {}
