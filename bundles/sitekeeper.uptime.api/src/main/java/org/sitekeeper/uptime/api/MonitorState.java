package org.sitekeeper.uptime.api;

import java.util.Locale;
import java.util.Optional;

/** What the hub believes about a monitor's target now. */
public enum MonitorState {
    /** Confirmed reachable and as expected. */
    UP,
    /** Confirmed failing: an incident is open. */
    DOWN,
    /** No verdict: not checked yet, or the last checks could not run properly (the hub was starved or offline). */
    UNKNOWN,
    /** Disabled by staff: not checked, no alerts. */
    PAUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MonitorState> parse(String value) {
        for (MonitorState state : values()) {
            if (state.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
