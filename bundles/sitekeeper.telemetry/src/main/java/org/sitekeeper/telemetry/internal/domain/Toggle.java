package org.sitekeeper.telemetry.internal.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One ops switch on one installation: its value, why, until when ({@code null}: until changed) and who set it.
 * An expired toggle counts as not set: the heartbeat reply leaves it at its default ({@code false}).
 */
public record Toggle(ToggleKey key, boolean value, String reason, Instant expiresAt, String setBy, Instant setAt) {

    public Toggle {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(setAt, "setAt");
    }

    /** Whether the toggle is in force at {@code now}: set, and not expired (expiry is exclusive). */
    public boolean activeAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    /**
     * The {@code toggles} object of a heartbeat reply: every key with its value in force at {@code now}, {@code false}
     * when it is unset or expired. When one key was set more than once, the most recent setting counts.
     */
    public static Map<String, Boolean> reply(Collection<Toggle> toggles, Instant now) {
        Map<ToggleKey, Toggle> newest = new EnumMap<>(ToggleKey.class);
        for (Toggle t : toggles) {
            Toggle seen = newest.get(t.key());
            if (seen == null || t.setAt().isAfter(seen.setAt())) {
                newest.put(t.key(), t);
            }
        }
        Map<String, Boolean> reply = new LinkedHashMap<>();
        for (ToggleKey key : ToggleKey.values()) {
            Toggle t = newest.get(key);
            reply.put(key.wireName(), t != null && t.activeAt(now) && t.value());
        }
        return reply;
    }
}
