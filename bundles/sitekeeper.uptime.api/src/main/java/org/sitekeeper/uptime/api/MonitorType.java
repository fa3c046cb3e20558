package org.sitekeeper.uptime.api;

import java.util.Locale;
import java.util.Optional;

/** What a monitor checks. */
public enum MonitorType {
    /** An HTTP(S) request: status, optional keyword, response time, certificate. */
    HTTP,
    /** A TCP connection to a host and port. */
    TCP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MonitorType> parse(String value) {
        for (MonitorType type : values()) {
            if (type.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
