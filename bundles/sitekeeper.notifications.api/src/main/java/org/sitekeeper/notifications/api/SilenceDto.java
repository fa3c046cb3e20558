package org.sitekeeper.notifications.api;

import java.time.Instant;
import java.util.List;

/**
 * A silence or maintenance window: matching alerts are recorded but not sent while it is active.
 *
 * @param kind {@code silence} or {@code maintenance} (the same for sending; capabilities such as uptime also treat
 *     maintenance as planned downtime)
 * @param siteIds sites it covers (empty: any)
 * @param groups site groups it covers (empty: any)
 * @param topics topic patterns it covers (empty: any)
 * @param startsAt start of a one-off window, or of the recurrence
 * @param endsAt end of a one-off window, or of the recurrence ({@code null}: open-ended recurrence)
 * @param recurrence weekly schedule, or {@code null} for a one-off window
 * @param activeNow whether it suppresses alerts at this moment
 */
public record SilenceDto(
        long id,
        String kind,
        String reason,
        List<Long> siteIds,
        List<String> groups,
        List<String> topics,
        Instant startsAt,
        Instant endsAt,
        Recurrence recurrence,
        String createdBy,
        Instant createdAt,
        boolean activeNow) {}
