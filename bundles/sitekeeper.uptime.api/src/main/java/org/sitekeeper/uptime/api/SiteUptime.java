package org.sitekeeper.uptime.api;

import java.util.List;

/**
 * The uptime page of one site: its monitors, the worst state among them, uptime over windows (all the site's
 * monitors together), recent incidents and 30 daily bars, oldest first.
 */
public record SiteUptime(
        long siteId,
        MonitorState state,
        List<MonitorDto> monitors,
        List<UptimeStats> stats,
        List<IncidentDto> incidents,
        List<DailyBar> days) {

    public SiteUptime {
        monitors = List.copyOf(monitors);
        stats = List.copyOf(stats);
        incidents = List.copyOf(incidents);
        days = List.copyOf(days);
    }
}
