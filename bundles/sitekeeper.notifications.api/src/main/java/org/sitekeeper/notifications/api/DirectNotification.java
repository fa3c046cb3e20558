package org.sitekeeper.notifications.api;

import java.util.List;
import java.util.Map;

/**
 * A message to given recipients through a channel type, outside the routing rules (for example an upgrade
 * notice to a merchant). It goes through the outbox like alerts: durable, retried, logged.
 *
 * @param channelType the type to send through; the first enabled channel of that type is used
 * @param recipients recipients for that type
 * @param template the template to render, a topic such as {@code sitekeeper/telemetry/UPGRADE}
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param dedupeKey the same key is sent only once
 * @param properties the template's values
 */
public record DirectNotification(
        String channelType,
        List<String> recipients,
        String template,
        String severity,
        String dedupeKey,
        Map<String, String> properties) {}
