package org.sitekeeper.telemetry.internal.domain;

import java.util.Arrays;
import java.util.Optional;

/** The switches ops can set on an installation; each comes back in the installation's heartbeat reply. */
public enum ToggleKey {
    /** The plugin deactivates itself. */
    BLOCK_PLUGIN("block_plugin"),
    /** The plugin shows a mandatory update notice. */
    FORCE_UPDATE("force_update"),
    /** The plugin logs at debug level. */
    ENABLE_DEBUG("enable_debug"),
    /** The hub limits the installation's heartbeats and events. */
    RATE_LIMIT("rate_limit");

    private final String wireName;

    ToggleKey(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ToggleKey> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
