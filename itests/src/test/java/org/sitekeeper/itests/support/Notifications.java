package org.sitekeeper.itests.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Notification calls the tests share, and the receiving end's checks. */
public final class Notifications {

    /** Where test receivers listen: loopback, but not 127.0.0.1, which other tests expect the hub to refuse. */
    public static final String RECEIVER_HOST = "127.0.0.2";

    public static final String PATH = "/api/v1/notifications";
    public static final String CHANNELS = PATH + "/channels";
    public static final String RULES = PATH + "/rules";
    public static final String SILENCES = PATH + "/silences";

    private Notifications() {}

    /**
     * Configures a hub for notification tests before its first start: the egress policy allows the receivers'
     * address, and retries come quickly (1 s doubling to 3 s) so outages of a few seconds are tested in seconds.
     */
    public static Hub prepare(Hub hub) {
        return hub.setConfig("org.sitekeeper.egress.cfg", "allowed_networks", RECEIVER_HOST + "/32")
                .setConfig("org.sitekeeper.notifications.cfg", "retry_base_seconds", "1")
                .setConfig("org.sitekeeper.notifications.cfg", "retry_max_seconds", "3")
                .setConfig("org.sitekeeper.notifications.cfg", "poll_millis", "200")
                .setConfig("org.sitekeeper.notifications.cfg", "attempt_timeout_seconds", "5");
    }

    /** A fresh Standard Webhooks secret. */
    public static String webhookSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    public static JsonNode channel(Api api, String type, String name, Map<String, ?> config) {
        ApiResponse response = api.post(CHANNELS, Map.of("type", type, "name", name, "config", config));
        assertThat(response.status())
                .as("creating channel %s: %s", name, response)
                .isEqualTo(201);
        return response.json();
    }

    /**
     * A rule sending {@code topic} (any severity) to one channel, without waiting to group, so that each alert is
     * its own message.
     */
    public static JsonNode rule(Api api, String topic, long channelId, List<String> recipients, Map<String, ?> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "rule for " + topic);
        body.put("topics", List.of(topic));
        body.put("min_severity", "info");
        body.put("targets", List.of(Map.of("channel_id", channelId, "recipients", recipients)));
        body.put("group_wait_seconds", 0);
        body.putAll(extra);
        ApiResponse response = api.post(RULES, body);
        assertThat(response.status()).as("creating rule %s: %s", body, response).isEqualTo(201);
        return response.json();
    }

    /** Raises {@code sitekeeper/external/<event>} through REST. */
    public static void raise(Api api, String event, String alertKey, String severity, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("alert_key", alertKey);
        body.put("severity", severity);
        body.put("title", title);
        body.put("message", "Raised by the integration tests");
        ApiResponse response = api.post(PATH + "/alerts", body);
        assertThat(response.status()).as("raising %s: %s", alertKey, response).isEqualTo(202);
    }

    /** The delivery log for one alert key, newest first. */
    public static List<JsonNode> deliveries(Api api, String alertKey) {
        ApiResponse response = api.get(PATH + "?alert_key=" + Api.encode(alertKey) + "&limit=100");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().path("items").forEach(items::add);
        return items;
    }

    /**
     * Waits until the alert's newest delivery has {@code status}, and returns it. When it does not come, the failure
     * shows every delivery of the alert as the hub last reported it, with its attempts, so that a failure in CI
     * says why without the hub's log.
     */
    public static JsonNode awaitDelivery(Api api, String alertKey, String status, Duration atMost) {
        JsonNode[] found = new JsonNode[1];
        try {
            await("delivery of " + alertKey + " " + status)
                    .atMost(atMost)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        List<JsonNode> items = deliveries(api, alertKey);
                        found[0] = items.isEmpty() ? null : items.get(0);
                        return found[0] != null
                                && status.equals(found[0].path("status").asText());
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "no delivery of " + alertKey + " became " + status + " within " + atMost + "; the hub has: "
                            + describeDeliveries(api, alertKey) + "; outbox: " + stats(api),
                    e);
        }
        return found[0];
    }

    private static String stats(Api api) {
        try {
            return api.get(PATH + "/stats").body();
        } catch (RuntimeException e) {
            return "(could not read the stats: " + e + ")";
        }
    }

    /** Every delivery of an alert with its attempts, as one line of JSON (for failure messages). */
    public static String describeDeliveries(Api api, String alertKey) {
        try {
            List<String> described = new ArrayList<>();
            for (JsonNode delivery : deliveries(api, alertKey)) {
                ApiResponse detail = api.get(PATH + "/" + delivery.path("id").asLong());
                described.add(detail.status() == 200 ? detail.json().toString() : delivery.toString());
            }
            return described.isEmpty() ? "no delivery at all" : String.join(", ", described);
        } catch (RuntimeException | AssertionError e) {
            return "(could not read the deliveries: " + e + ")";
        }
    }

    /**
     * Checks a webhook the way a Standard Webhooks receiver library does: HMAC-SHA256 over
     * {@code id.timestamp.body} under the base64 key after {@code whsec_}, compared in constant time.
     */
    public static boolean signatureValid(Receiver.Request request, String secret) {
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
