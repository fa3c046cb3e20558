package org.sitekeeper.notifications.internal.store;

import java.util.List;
import java.util.Map;

import org.sitekeeper.notifications.api.AlertSummary;

/**
 * A rendered message as the outbox keeps it (JSON): the bodies, the alerts it is about and, per alert, the
 * values its templates saw, so that messages waiting in the same group can be rendered again as one.
 */
public record StoredMessage(String text, String html, List<AlertSummary> alerts, List<Map<String, Object>> models) {

    public StoredMessage {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        models = models == null ? List.of() : List.copyOf(models);
    }
}
