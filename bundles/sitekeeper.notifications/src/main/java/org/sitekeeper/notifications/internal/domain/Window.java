package org.sitekeeper.notifications.internal.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a silence is active: one-off from {@code start} to {@code end}, or weekly on {@code days} from
 * {@code time} for {@code length} (in {@code zone}), between {@code start} and {@code end} ({@code end} may be
 * {@code null} for an open-ended recurrence). Weekly windows may cross midnight and follow daylight saving.
 */
public record Window(Instant start, Instant end, Set<DayOfWeek> days, LocalTime time, Duration length, ZoneId zone) {

    public Window {
        days = days == null ? null : Set.copyOf(days);
    }

    public static Window once(Instant start, Instant end) {
        return new Window(start, end, null, null, null, null);
    }

    public static Window weekly(
            Instant from, Instant until, Set<DayOfWeek> days, LocalTime time, Duration length, ZoneId zone) {
        return new Window(from, until, EnumSet.copyOf(days), time, length, zone);
    }

    public boolean recurring() {
        return days != null;
    }

    public boolean activeAt(Instant at) {
        if (at.isBefore(start) || (end != null && !at.isBefore(end))) {
            return false;
        }
        if (!recurring()) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        // a window that started on an earlier day may still run: look back as many days as it can last
        long back = length.toDays() + 1;
        for (long d = 0; d <= back; d++) {
            ZonedDateTime day = local.minusDays(d);
            if (days.contains(day.getDayOfWeek())) {
                ZonedDateTime opens = day.toLocalDate().atTime(time).atZone(zone);
                ZonedDateTime closes = opens.plus(length);
                if (!local.isBefore(opens) && local.isBefore(closes)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether it can never be active again after {@code at}. */
    public boolean endedBy(Instant at) {
        return end != null && !at.isBefore(end);
    }
}
