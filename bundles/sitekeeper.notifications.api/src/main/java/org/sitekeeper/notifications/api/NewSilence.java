package org.sitekeeper.notifications.api;

import java.time.Instant;
import java.util.List;

/**
 * A silence or maintenance window to create; see {@link SilenceDto}. A one-off window needs {@code endsAt}
 * (or {@code durationMinutes} from {@code startsAt}, which defaults to now).
 */
public record NewSilence(
        String kind,
        String reason,
        List<Long> siteIds,
        List<String> groups,
        List<String> topics,
        Instant startsAt,
        Instant endsAt,
        Integer durationMinutes,
        Recurrence recurrence) {}
