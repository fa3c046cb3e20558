package org.sitekeeper.notifications.api;

import java.util.Map;

/**
 * Changes to a channel; {@code null} components stay. {@code config} replaces the settings, except that a secret
 * it leaves out keeps its stored value.
 */
public record ChannelChange(String name, Map<String, Object> config, Boolean enabled) {}
