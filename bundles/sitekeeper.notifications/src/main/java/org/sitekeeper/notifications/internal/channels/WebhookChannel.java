package org.sitekeeper.notifications.internal.channels;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.egress.OutboundHttp;
import org.sitekeeper.core.api.egress.OutboundRequest;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.notifications.api.AlertSummary;
import org.sitekeeper.notifications.api.ChannelField;
import org.sitekeeper.notifications.api.DeliveryResult;
import org.sitekeeper.notifications.api.NotificationChannel;
import org.sitekeeper.notifications.api.OutgoingMessage;
import org.sitekeeper.notifications.internal.store.Json;

/**
 * A JSON POST signed the <a href="https://www.standardwebhooks.com/">Standard Webhooks</a> way: headers
 * {@code webhook-id} (the delivery, the same on every retry so receivers can drop duplicates),
 * {@code webhook-timestamp} (seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}
 * under the {@code whsec_…} secret, so receivers verify with an existing library.
 */
@Component(service = NotificationChannel.class)
public final class WebhookChannel implements NotificationChannel {

    static final String TYPE = "webhook";
    static final String PREFIX = "whsec_";

    private final OutboundHttp http;
    private final EgressPolicy egress;
    private final Clock clock;

    @Activate
    public WebhookChannel(@Reference OutboundHttp http, @Reference EgressPolicy egress, @Reference Clock clock) {
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
        return "Webhook (signed JSON POST)";
    }

    @Override
    public List<ChannelField> fields() {
        return List.of(
                ChannelField.required("url", "string", "http(s) URL the JSON is POSTed to"),
                ChannelField.secret(
                        "secret",
                        true,
                        "signing secret in Standard Webhooks form: whsec_ followed by 24 to 64 random bytes in"
                                + " base64, e.g. the output of: echo \"whsec_$(openssl rand -base64 32)\""));
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> config) {
        ChannelSettings settings = new ChannelSettings(config);
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("url", settings.url("url", egress));
        String secret = settings.secret("secret", true, 200);
        key(secret);
        valid.put("secret", secret);
        return valid;
    }

    /** The signing key: the base64 after {@code whsec_}. */
    static byte[] key(String secret) {
        String field = ChannelSettings.field("secret");
        if (!secret.startsWith(PREFIX)) {
            throw new InvalidInputException(field, field + " must start with whsec_ (Standard Webhooks secret form)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + " must be whsec_ followed by base64");
        }
        if (key.length < 24 || key.length > 64) {
            throw new InvalidInputException(field, field + " must hold 24 to 64 bytes after whsec_");
        }
        return key;
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
        byte[] body = Json.write(payload(message, clock)).getBytes(StandardCharsets.UTF_8);
        String id = "msg_sitekeeper_" + message.deliveryId();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature;
        try {
            signature = "v1," + sign(key(message.setting("secret")), id, timestamp, body);
        } catch (InvalidInputException e) {
            return DeliveryResult.failed("the stored secret is not a whsec_ secret; set it again");
        }
        OutboundRequest request = OutboundRequest.post(URI.create(message.setting("url")))
                .body(body, "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signature)
                .timeout(HttpDelivery.timeout(message, clock))
                .maxResponseBytes(HttpDelivery.MAX_RESPONSE)
                .build();
        return HttpDelivery.send(http, request, clock);
    }

    static String sign(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }

    /** {@code {"type", "timestamp", "data": {…}}} as Standard Webhooks suggests. */
    static Map<String, Object> payload(OutgoingMessage message, Clock clock) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("delivery_id", message.deliveryId());
        data.put("kind", message.kind());
        data.put("channel", message.channelName());
        data.put("severity", message.severity());
        data.put("subject", message.subject());
        data.put("text", message.text());
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (AlertSummary alert : message.alerts()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("alert_key", alert.alertKey());
            a.put("topic", alert.topic());
            a.put("severity", alert.severity());
            a.put("status", alert.recovery() ? "resolved" : "firing");
            a.put("title", alert.title());
            a.put("message", alert.message());
            a.put("link", alert.link());
            a.put("site_id", alert.siteId());
            a.put("site_name", alert.siteName());
            a.put(
                    "occurred_at",
                    alert.occurredAt() == null ? null : alert.occurredAt().toString());
            alerts.add(a);
        }
        data.put("alerts", alerts);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", eventType(message));
        payload.put("timestamp", clock.instant().toString());
        payload.put("data", data);
        return payload;
    }

    static String eventType(OutgoingMessage message) {
        return switch (message.kind()) {
            case "recovery" -> "alert.resolved";
            case "repeat" -> "alert.repeated";
            case "grouped" -> "alert.grouped";
            case "test" -> "notification.test";
            case "direct" -> "notification.direct";
            default -> "alert.firing";
        };
    }
}
