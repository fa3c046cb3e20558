package org.sitekeeper.core.api.event;

import java.util.Locale;
import java.util.Optional;

/** How urgent an event is. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least {@code other}. */
    public boolean implies(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Severity> fromWireName(String name) {
        for (Severity severity : values()) {
            if (severity.wireName().equalsIgnoreCase(name == null ? null : name.strip())) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
