package org.sitekeeper.sites.api;

import java.util.Locale;
import java.util.Optional;

/** Where a site stands with the hub. */
public enum SiteStatus {
    /** Registered, not yet paired with its connector. */
    PENDING,
    /** Paired and answering. */
    ACTIVE,
    /** Disconnected by staff: kept with its history, no longer managed. */
    DISCONNECTED,
    /** Paired but failing (connector errors, revoked key). */
    ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SiteStatus> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (SiteStatus status : values()) {
            if (status.wireName().equalsIgnoreCase(name.strip())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
