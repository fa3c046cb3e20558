package org.sitekeeper.uptime.api;

import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance.
 *
 * @param states how many monitors are in each state (every state present)
 * @param openIncidents incidents open now
 * @param worst monitors doing worst (down, then unknown, then recent incidents), at most 10, each with its uptime over the last 24 h
 * @param degraded whether the hub itself cannot check properly now (starved or offline)
 * @param degradedReason why, or {@code null}
 */
public record UptimeOverview(
        Map<MonitorState, Long> states,
        long openIncidents,
        List<WorstMonitor> worst,
        boolean degraded,
        String degradedReason) {

    public UptimeOverview {
        states = Map.copyOf(states);
        worst = List.copyOf(worst);
    }

    /** A monitor doing badly, with its 24 h uptime. */
    public record WorstMonitor(long monitorId, String name, Long siteId, MonitorState state, Double uptimePercent) {}
}
