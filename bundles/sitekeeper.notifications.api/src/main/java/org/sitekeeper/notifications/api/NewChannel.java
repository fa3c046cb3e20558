package org.sitekeeper.notifications.api;

import java.util.Map;

/**
 * A channel to create.
 *
 * @param type a registered channel type ({@code email}, {@code slack}, {@code webhook}, {@code sms}, {@code in_app})
 * @param name unique, 1–100 characters
 * @param config the type's settings (see {@link NotificationChannel#fields()})
 * @param enabled {@code true} when absent
 */
public record NewChannel(String type, String name, Map<String, Object> config, Boolean enabled) {}
