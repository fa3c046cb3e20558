package org.sitekeeper.uptime.api;

import java.time.LocalDate;

/**
 * One day of a 30-day uptime bar (UTC days).
 *
 * @param uptimePercent {@code null} on a day without checks
 * @param downSeconds estimated time down that day
 */
public record DailyBar(LocalDate day, Double uptimePercent, Integer avgResponseMs, long checks, long downSeconds) {}
