package org.sitekeeper.notifications.api;

import java.util.List;

/**
 * A weekly window, e.g. every Sunday 02:00 for 120 minutes in Europe/Paris.
 *
 * @param days {@code mon} … {@code sun}
 * @param start local start time {@code HH:mm}
 * @param durationMinutes 1 to 10080
 * @param timeZone IANA zone, e.g. {@code Europe/Paris}; UTC when absent
 */
public record Recurrence(List<String> days, String start, Integer durationMinutes, String timeZone) {}
