package org.sitekeeper.notifications.api;

/**
 * One setting of a channel type.
 *
 * @param name setting name in {@code config}
 * @param kind {@code string}, {@code integer}, {@code boolean} or {@code string-list}
 * @param required whether it must be given
 * @param secret whether it is a credential (encrypted at rest, never returned, kept when an update omits it)
 * @param description what it is
 */
public record ChannelField(String name, String kind, boolean required, boolean secret, String description) {

    public static ChannelField required(String name, String kind, String description) {
        return new ChannelField(name, kind, true, false, description);
    }

    public static ChannelField optional(String name, String kind, String description) {
        return new ChannelField(name, kind, false, false, description);
    }

    public static ChannelField secret(String name, boolean required, String description) {
        return new ChannelField(name, "string", required, true, description);
    }
}
