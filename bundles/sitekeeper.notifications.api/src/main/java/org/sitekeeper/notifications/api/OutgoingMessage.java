package org.sitekeeper.notifications.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a channel sends: one rendered message for one channel and its recipients.
 *
 * @param deliveryId the delivery's id; stable across retries (use it for idempotency, e.g. as a message id)
 * @param channelId the configured channel
 * @param channelName its name
 * @param config the channel's settings, secrets opened
 * @param recipients recipients for types that need them (already validated), else empty
 * @param kind {@code alert}, {@code recovery}, {@code repeat}, {@code grouped}, {@code direct} or {@code test}
 * @param subject one line
 * @param text plain text body
 * @param html HTML body (for email)
 * @param alerts the alerts the message is about, one or more (grouped messages carry several)
 * @param deadline the channel must give up by then
 */
public record OutgoingMessage(
        long deliveryId,
        long channelId,
        String channelName,
        Map<String, Object> config,
        List<String> recipients,
        String kind,
        String subject,
        String text,
        String html,
        List<AlertSummary> alerts,
        Instant deadline) {

    public OutgoingMessage {
        config = Map.copyOf(config);
        recipients = List.copyOf(recipients);
        alerts = List.copyOf(alerts);
    }

    /** A setting as text, or {@code null}. */
    public String setting(String name) {
        Object value = config.get(name);
        return value == null ? null : value.toString();
    }

    /** The most severe alert of the message. */
    public String severity() {
        String worst = "info";
        for (AlertSummary alert : alerts) {
            if (rank(alert.severity()) > rank(worst)) {
                worst = alert.severity();
            }
        }
        return worst;
    }

    private static int rank(String severity) {
        return switch (severity) {
            case "critical" -> 2;
            case "warning" -> 1;
            default -> 0;
        };
    }
}
