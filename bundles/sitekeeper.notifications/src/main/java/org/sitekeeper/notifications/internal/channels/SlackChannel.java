package org.sitekeeper.notifications.internal.channels;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.egress.OutboundHttp;
import org.sitekeeper.core.api.egress.OutboundRequest;
import org.sitekeeper.notifications.api.AlertSummary;
import org.sitekeeper.notifications.api.ChannelField;
import org.sitekeeper.notifications.api.DeliveryResult;
import org.sitekeeper.notifications.api.NotificationChannel;
import org.sitekeeper.notifications.api.OutgoingMessage;
import org.sitekeeper.notifications.internal.store.Json;

/**
 * Slack incoming webhooks: one attachment per alert, coloured by severity (green when resolved), with the site,
 * the event and a link. The webhook URL is the credential, so it is kept as a secret.
 */
@Component(service = NotificationChannel.class)
public final class SlackChannel implements NotificationChannel {

    static final String TYPE = "slack";
    static final int MAX_ATTACHMENTS = 20;

    private final OutboundHttp http;
    private final EgressPolicy egress;
    private final Clock clock;

    @Activate
    public SlackChannel(@Reference OutboundHttp http, @Reference EgressPolicy egress, @Reference Clock clock) {
        this.http = http;
        this.egress = egress;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Slack (incoming webhook)";
    }

    @Override
    public List<ChannelField> fields() {
        return List.of(
                new ChannelField(
                        "url", "string", true, true, "the incoming webhook URL, https://hooks.slack.com/services/…"),
                ChannelField.optional("username", "string", "name the messages appear under (legacy webhooks only)"),
                ChannelField.optional("icon_emoji", "string", "e.g. :rotating_light: (legacy webhooks only)"),
                ChannelField.optional("channel", "string", "#channel to post to (legacy webhooks only)"));
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> config) {
        ChannelSettings settings = new ChannelSettings(config);
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("url", settings.url("url", egress));
        valid.put("username", settings.text("username", false, 80));
        valid.put("icon_emoji", settings.text("icon_emoji", false, 80));
        valid.put("channel", settings.text("channel", false, 80));
        return valid;
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
        byte[] body = Json.write(payload(message)).getBytes(StandardCharsets.UTF_8);
        OutboundRequest request = OutboundRequest.post(URI.create(message.setting("url")))
                .body(body, "application/json")
                .timeout(HttpDelivery.timeout(message, clock))
                .maxResponseBytes(HttpDelivery.MAX_RESPONSE)
                .build();
        return HttpDelivery.send(http, request, clock);
    }

    static Map<String, Object> payload(OutgoingMessage message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", escape(message.subject()));
        for (String key : List.of("username", "icon_emoji", "channel")) {
            if (message.setting(key) != null) {
                payload.put(key, message.setting(key));
            }
        }
        List<Map<String, Object>> attachments = new ArrayList<>();
        List<AlertSummary> alerts = message.alerts();
        for (AlertSummary alert : alerts.subList(0, Math.min(alerts.size(), MAX_ATTACHMENTS))) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("color", color(alert));
            a.put("fallback", escape(alert.title()));
            a.put("title", escape((alert.recovery() ? "Resolved: " : "") + alert.title()));
            if (alert.link() != null) {
                a.put("title_link", alert.link());
            }
            if (alert.message() != null && !alert.message().isBlank()) {
                a.put("text", escape(alert.message()));
            }
            List<Map<String, Object>> fields = new ArrayList<>();
            fields.add(field("Severity", alert.recovery() ? "resolved" : alert.severity()));
            if (alert.siteName() != null) {
                fields.add(field("Site", escape(alert.siteName())));
            }
            a.put("fields", fields);
            a.put("footer", "Sitekeeper · " + alert.topic());
            if (alert.occurredAt() != null) {
                a.put("ts", alert.occurredAt().getEpochSecond());
            }
            attachments.add(a);
        }
        if (alerts.size() > MAX_ATTACHMENTS) {
            attachments.add(Map.of("color", "#cccccc", "text", "… and " + (alerts.size() - MAX_ATTACHMENTS) + " more"));
        }
        if (alerts.isEmpty()) {
            attachments.add(Map.of("color", "#439fe0", "text", escape(message.text())));
        }
        payload.put("attachments", attachments);
        return payload;
    }

    private static Map<String, Object> field(String title, String value) {
        return Map.of("title", title, "value", value, "short", true);
    }

    /** Slack's colours: green resolved, red critical, amber warning, blue info. */
    static String color(AlertSummary alert) {
        if (alert.recovery()) {
            return "#2eb67d";
        }
        return switch (alert.severity()) {
            case "critical" -> "#e01e5a";
            case "warning" -> "#ecb22e";
            default -> "#36c5f0";
        };
    }

    /** Slack's mrkdwn control characters. */
    static String escape(String text) {
        return text == null
                ? null
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
