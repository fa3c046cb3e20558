package org.sitekeeper.itests;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.ApiResponse;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.Notifications;
import org.sitekeeper.itests.support.Ports;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Telemetry;
import org.sitekeeper.itests.support.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertNoInternals;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * Plugin telemetry (issue 5) on the real distribution, over REST the way a merchant's plugin and the ops dashboard
 * use it: seed 002's documented requests replayed as written (heartbeat, event, list, detail, toggle, notify,
 * stats), its integration test (a toggle set by ops comes back in the plugin's next heartbeat) and its E2E test (an
 * upgrade notice is really mailed to the merchant through a real SMTP server in this JVM, then acknowledged); seed
 * 001's WordPress heartbeat; who may do what with which key; and bad bodies refused with a 400 naming the field.
 *
 * <p>Two merchants, A and B, each with its own key. Every test keeps to installations of its own (a site URL of its
 * own), so the tests do not depend on each other's order.
 */
@Order(8)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class TelemetryIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String WOO = "woocommerce";
    private static final String LATEST = "1.3.5";

    /** Every field of an installation in the list (contract), seed 002's list fields among them. */
    private static final List<String> INSTALLATION_FIELDS = List.of(
            "id",
            "merchant_id",
            "merchant_name",
            "merchant_email",
            "cms",
            "site_url",
            "plugin_version",
            "latest_version",
            "status",
            "upgrade_type",
            "error_rate",
            "errors_24h",
            "events_24h",
            "errors_last_hour",
            "last_heartbeat",
            "environment",
            "sdk_language",
            "php_version",
            "wordpress_version",
            "server_info",
            "heartbeat_count",
            "created_at");

    private static final List<String> TOGGLE_FIELDS = List.of(
            "id",
            "plugin_id",
            "toggle_key",
            "toggle_value",
            "reason",
            "expires_at",
            "updated_by",
            "rate_per_minute",
            "created_at",
            "active");
    private static final List<String> NOTICE_FIELDS = List.of(
            "id",
            "plugin_id",
            "merchant_id",
            "cms",
            "current_version",
            "target_version",
            "upgrade_type",
            "channel",
            "priority",
            "status",
            "detail",
            "delivery_id",
            "sent_by",
            "sent_at",
            "acknowledged_at",
            "acknowledged_by");

    private static Hub hub;
    private static Api admin;
    private static String u;
    private static String merchantA;
    private static String emailA;
    private static String keyIdA;
    private static Api plugin;
    private static String merchantB;
    private static String emailB;
    private static Api pluginB;

    @BeforeAll
    static void useSharedHubWithTwoMerchants(Hub shared) {
        hub = shared;
        admin = hub.admin();
        Telemetry.awaitRoutes(admin);
        u = Sites.unique();
        merchantA = UUID.randomUUID().toString();
        emailA = "my-shop-" + u + "@example.com";
        JsonNode a = Telemetry.createKey(admin, merchantA, "My Shop", emailA, null);
        keyIdA = a.path("id").asText();
        plugin = hub.api().withToken(a.path("key").asText());
        merchantB = UUID.randomUUID().toString();
        emailB = "other-shop-" + u + "@example.com";
        pluginB = hub.api()
                .withToken(Telemetry.createKey(admin, merchantB, "Other Shop", emailB, "+4915112345678")
                        .path("key")
                        .asText());
        // seed 002's E2E test: "Register v1.3.5 as latest"
        ApiResponse registered = admin.post(
                Telemetry.VERSIONS,
                Map.of(
                        "cms",
                        WOO,
                        "version",
                        LATEST,
                        "is_latest",
                        true,
                        "is_security",
                        false,
                        "release_notes",
                        "Critical bug fixes\nImproved 3DS2 flow\nPerformance optimizations",
                        "released_at",
                        "2025-01-18T10:00:00Z"));
        if (registered.status() == 409) { // registered by an earlier class on this hub: it must still be the latest
            assertThat(versions(WOO))
                    .as("woocommerce %s in the registry", LATEST)
                    .anySatisfy(v -> {
                        assertThat(v.path("version").asText()).isEqualTo(LATEST);
                        assertThat(v.path("latest").asBoolean()).isTrue();
                    });
        } else {
            assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        }
    }

    // ---------------------------------------------------------------- seed 002: heartbeat and event as documented

    @Test
    @Order(1)
    void seedHeartbeatIsAnsweredWithItsInstallationAndEveryToggle() throws IOException {
        String seedBody =
                """
                {
                  "merchant_id": "%s",
                  "cms": "woocommerce",
                  "plugin_version": "1.3.5",
                  "sdk_language": "php",
                  "errors_last_hour": 0.5,
                  "environment": "production",
                  "php_version": "8.1.0",
                  "wordpress_version": "6.4",
                  "server_info": {
                    "server_software": "Apache/2.4.56",
                    "max_execution_time": "300",
                    "memory_limit": "256M"
                  }
                }
                """
                        .formatted(merchantA);

        ApiResponse first = plugin.post(Telemetry.HEARTBEAT, seedBody);

        JsonNode reply = assertStatus(first, 200);
        assertThat(first.contentType()).startsWith("application/json");
        assertThat(reply.path("status").asText()).isEqualTo("ok");
        String id = reply.path("installation_id").asText();
        assertThat(id).as("installation_id of %s", first).matches(Telemetry.UUID);
        assertAllToggles(reply, Map.of());
        assertThat(reply.path("notices").isArray()).as("notices of %s", first).isTrue();
        assertThat(reply.path("notices")).isEmpty();

        // idempotent: the same installation again, counted
        JsonNode second = assertStatus(plugin.post(Telemetry.HEARTBEAT, seedBody), 200);
        assertThat(second.path("installation_id").asText()).isEqualTo(id);

        JsonNode detail = assertStatus(admin.get(Telemetry.PATH + "/" + id), 200);
        assertHasFields(detail, INSTALLATION_FIELDS);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(detail.path("id").asText()).isEqualTo(id);
        soft.assertThat(detail.path("merchant_id").asText()).isEqualTo(merchantA);
        soft.assertThat(detail.path("merchant_name").asText()).isEqualTo("My Shop");
        soft.assertThat(detail.path("merchant_email").asText()).isEqualTo(emailA);
        soft.assertThat(detail.path("cms").asText()).isEqualTo(WOO);
        soft.assertThat(detail.path("site_url").isNull())
                .as("site_url of an install without one")
                .isTrue();
        soft.assertThat(detail.path("plugin_version").asText()).isEqualTo("1.3.5");
        soft.assertThat(detail.path("latest_version").asText()).isEqualTo(LATEST);
        soft.assertThat(detail.path("status").asText()).isEqualTo("active");
        soft.assertThat(detail.path("sdk_language").asText()).isEqualTo("php");
        soft.assertThat(detail.path("errors_last_hour").asDouble()).isEqualTo(0.5);
        soft.assertThat(detail.path("environment").asText()).isEqualTo("production");
        soft.assertThat(detail.path("php_version").asText()).isEqualTo("8.1.0");
        soft.assertThat(detail.path("wordpress_version").asText()).isEqualTo("6.4");
        soft.assertThat(detail.path("server_info"))
                .isEqualTo(Api.JSON.readTree(seedBody).path("server_info"));
        soft.assertThat(detail.path("heartbeat_count").asLong()).isEqualTo(2);
        soft.assertThat(Instant.parse(detail.path("last_heartbeat").asText()))
                .isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(120));
        soft.assertThat(detail.path("recent_events").isArray())
                .as("recent_events")
                .isTrue();
        soft.assertThat(detail.path("active_toggles").isArray())
                .as("active_toggles")
                .isTrue();
        soft.assertThat(detail.path("notifications").isArray())
                .as("notifications")
                .isTrue();
        soft.assertAll();
    }

    @Test
    @Order(2)
    void seedEventIsStoredAndCardNumbersAndSecretsAreScrubbed() {
        String installation = Telemetry.beat(plugin, Telemetry.heartbeat(merchantA, WOO, null, "1.3.5"))
                .path("installation_id")
                .asText();
        String seedEvent =
                """
                {
                  "merchant_id": "%s",
                  "cms": "woocommerce",
                  "event_type": "payment_failed",
                  "event_data": {
                    "order_id": "12345",
                    "amount": 55000,
                    "currency": "XOF",
                    "error_code": "card_declined",
                    "message": "Insufficient funds"
                  },
                  "severity": "error",
                  "stack_trace": "..."
                }
                """
                        .formatted(merchantA);

        ApiResponse logged = plugin.post(Telemetry.EVENT, seedEvent);

        assertThat(logged.status()).as("%s", logged).isEqualTo(200);
        assertThat(logged.json())
                .as("%s", logged)
                .isEqualTo(Api.JSON.createObjectNode().put("status", "ok"));

        String secret = "sk-hidden-" + u + "-Zq8Xw2";
        Map<String, Object> eventData = new LinkedHashMap<>();
        eventData.put("order_id", "card-" + u);
        eventData.put("card", "4111 1111 1111 1111");
        eventData.put("api_key", secret);
        eventData.put("message", "Card 4111111111111111 was declined");
        Map<String, Object> withSecrets = new LinkedHashMap<>();
        withSecrets.put("merchant_id", merchantA);
        withSecrets.put("cms", WOO);
        withSecrets.put("event_id", "evt-" + u);
        withSecrets.put("event_type", "error");
        withSecrets.put("event_data", eventData);
        withSecrets.put("severity", "critical");
        withSecrets.put(
                "stack_trace",
                "PaymentException: declined for 4111-1111-1111-1111 api_key=" + secret + "\n  at checkout.php:42");
        withSecrets.put("occurred_at", "2026-01-18T10:00:00Z");
        assertThat(assertStatus(plugin.post(Telemetry.EVENT, withSecrets), 200)
                        .path("status")
                        .asText())
                .isEqualTo("ok");

        JsonNode detail = await("both events in the detail view")
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> assertStatus(admin.get(Telemetry.PATH + "/" + installation), 200),
                        d -> d.path("recent_events").size() >= 2);
        JsonNode seeded = find(detail.path("recent_events"), e -> "12345"
                .equals(e.path("event_data").path("order_id").asText()));
        assertThat(seeded)
                .as("the seed event in %s", detail.path("recent_events"))
                .isNotNull();
        assertThat(seeded.path("event_type").asText()).isEqualTo("payment_failed");
        assertThat(seeded.path("severity").asText()).isEqualTo("error");
        assertThat(seeded.path("event_data").path("amount").asLong()).isEqualTo(55000);
        assertThat(seeded.path("event_data").path("currency").asText()).isEqualTo("XOF");
        assertThat(seeded.path("event_data").path("error_code").asText()).isEqualTo("card_declined");
        assertThat(seeded.path("event_data").path("message").asText()).isEqualTo("Insufficient funds");

        JsonNode scrubbed = find(detail.path("recent_events"), e -> ("card-" + u)
                .equals(e.path("event_data").path("order_id").asText()));
        assertThat(scrubbed)
                .as("the event with secrets in %s", detail.path("recent_events"))
                .isNotNull();
        assertThat(scrubbed.path("event_type").asText()).isEqualTo("error");
        assertThat(scrubbed.path("severity").asText()).isEqualTo("critical");
        assertThat(scrubbed.path("event_id").asText()).isEqualTo("evt-" + u);
        assertThat(scrubbed.path("event_data").path("api_key").asText()).isNotEqualTo(secret);
        assertThat(scrubbed.path("event_data").path("card").asText()).isNotEqualTo("4111 1111 1111 1111");
        assertThat(scrubbed.path("stack_trace").asText()).contains("checkout.php:42");
        for (ApiResponse shown : List.of(
                admin.get(Telemetry.PATH + "/" + installation),
                admin.get(Telemetry.PATH + "/" + installation + "/events?limit=50"))) {
            assertThat(shown.status()).as("%s", shown).isEqualTo(200);
            assertThat(shown.body())
                    .as("stored telemetry as shown by %s", shown.uri())
                    .doesNotContain("4111 1111 1111 1111")
                    .doesNotContain("4111111111111111")
                    .doesNotContain("4111-1111-1111-1111")
                    .doesNotContain(secret);
        }
        JsonNode events = assertStatus(admin.get(Telemetry.PATH + "/" + installation + "/events?limit=1"), 200);
        assertThat(events.isArray()).as("events: %s", events).isTrue();
        assertThat(events).hasSize(1);
    }

    // ---------------------------------------------------------------- seed 002: list and detail

    @Test
    @Order(3)
    void anInstallBehindTheRegisteredLatestIsListedOutdatedAsSeed002Shows() {
        String site = "https://shop-a-" + u + ".example.com";
        String id = Telemetry.beat(plugin, Telemetry.heartbeat(merchantA, WOO, site, "1.2.0"))
                .path("installation_id")
                .asText();

        JsonNode run = assertStatus(admin.post(Telemetry.MONITORING, Map.of("kind", "hourly")), 200);
        assertHasFields(
                run,
                List.of(
                        "kind",
                        "installations",
                        "marked_outdated",
                        "marked_stale",
                        "error_rates_updated",
                        "metrics_recorded",
                        "notices_sent",
                        "alerts",
                        "duration_millis"));
        assertThat(run.path("kind").asText()).isEqualTo("hourly");
        assertThat(run.path("installations").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(run.path("alerts").isArray()).isTrue();

        ApiResponse listed = admin.get(Telemetry.LIST + "?status=outdated&cms=woocommerce");

        JsonNode list = assertStatus(listed, 200);
        assertThat(list.isArray())
                .as("seed 002's list is a JSON array: %s", listed)
                .isTrue();
        assertThat(listed.header("X-Total-Count"))
                .as("X-Total-Count of %s", listed)
                .isPresent();
        assertThat(Long.parseLong(listed.header("X-Total-Count").orElseThrow())).isGreaterThanOrEqualTo(list.size());
        list.forEach(i -> {
            assertThat(i.path("status").asText()).as("status of %s", i).isEqualTo("outdated");
            assertThat(i.path("cms").asText()).as("cms of %s", i).isEqualTo(WOO);
        });
        JsonNode mine = find(list, i -> id.equals(i.path("id").asText()));
        assertThat(mine).as("installation %s in %s", id, listed).isNotNull();
        assertHasFields(mine, INSTALLATION_FIELDS);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(mine.path("merchant_id").asText()).isEqualTo(merchantA);
        soft.assertThat(mine.path("merchant_name").asText()).isEqualTo("My Shop");
        soft.assertThat(mine.path("merchant_email").asText()).isEqualTo(emailA);
        soft.assertThat(mine.path("cms").asText()).isEqualTo(WOO);
        soft.assertThat(mine.path("site_url").asText()).startsWith(site);
        soft.assertThat(mine.path("plugin_version").asText()).isEqualTo("1.2.0");
        soft.assertThat(mine.path("latest_version").asText()).isEqualTo(LATEST);
        soft.assertThat(mine.path("status").asText()).isEqualTo("outdated");
        soft.assertThat(mine.path("upgrade_type").asText()).isEqualTo("minor");
        soft.assertThat(mine.path("error_rate").isNumber())
                .as("error_rate is a number")
                .isTrue();
        soft.assertThat(mine.path("errors_24h").isNumber())
                .as("errors_24h is a number")
                .isTrue();
        soft.assertThat(mine.path("environment").asText()).isEqualTo("production");
        soft.assertThat(mine.path("last_heartbeat").isTextual())
                .as("last_heartbeat is a time")
                .isTrue();
        soft.assertAll();

        // the up-to-date seed installation of the same merchant is not outdated
        List<JsonNode> all = Telemetry.listAll(admin, "merchant_id=" + Api.encode(merchantA));
        assertThat(all).anySatisfy(i -> {
            assertThat(i.path("site_url").isNull()).isTrue();
            assertThat(i.path("status").asText()).isEqualTo("active");
        });
        assertThat(list).noneSatisfy(i -> {
            assertThat(i.path("merchant_id").asText()).isEqualTo(merchantA);
            assertThat(i.path("site_url").isNull()).isTrue();
        });

        // seed 002's detail view
        JsonNode detail = assertStatus(admin.get(Telemetry.PATH + "/" + id), 200);
        assertHasFields(detail, INSTALLATION_FIELDS);
        assertHasFields(detail, List.of("recent_events", "active_toggles", "notifications"));
        assertThat(detail.path("merchant_name").asText()).isEqualTo("My Shop");
        assertThat(detail.path("plugin_version").asText()).isEqualTo("1.2.0");
        assertThat(detail.path("latest_version").asText()).isEqualTo(LATEST);
        assertThat(detail.path("status").asText()).isEqualTo("outdated");

        assertError(admin.get(Telemetry.PATH + "/" + UUID.randomUUID()), 404, "not_found", null);
    }

    // ---------------------------------------------------------------- seed 002: toggles

    @Test
    @Order(4)
    void blockPluginSetByOpsComesBackInTheNextHeartbeat() {
        // seed 002's integration test: create block toggle, send heartbeat, verify toggle returned
        Map<String, Object> beat = Telemetry.heartbeat(merchantA, WOO, "https://toggle-" + u + ".example.com", LATEST);
        String id = Telemetry.beat(plugin, beat).path("installation_id").asText();

        ApiResponse set = admin.post(
                Telemetry.PATH + "/" + id + "/toggle",
                Map.of("toggle_key", "block_plugin", "toggle_value", true, "reason", "Manually blocked by Ops"));

        JsonNode toggle = assertStatus(set, 200);
        assertHasFields(toggle, TOGGLE_FIELDS);
        assertThat(toggle.path("plugin_id").asText()).isEqualTo(id);
        assertThat(toggle.path("toggle_key").asText()).isEqualTo("block_plugin");
        assertThat(toggle.path("toggle_value").asBoolean()).isTrue();
        assertThat(toggle.path("reason").asText()).isEqualTo("Manually blocked by Ops");
        assertThat(toggle.path("expires_at").isNull()).isTrue();
        assertThat(toggle.path("active").asBoolean()).isTrue();

        JsonNode reply = Telemetry.beat(plugin, beat);
        assertAllToggles(reply, Map.of("block_plugin", true));

        JsonNode detail = assertStatus(admin.get(Telemetry.PATH + "/" + id), 200);
        assertThat(detail.path("status").asText()).isEqualTo("blocked");
        assertThat(detail.path("active_toggles"))
                .anySatisfy(t -> assertThat(t.path("toggle_key").asText()).isEqualTo("block_plugin"));
        assertThat(Telemetry.listAll(admin, "status=blocked&merchant_id=" + Api.encode(merchantA)))
                .anySatisfy(i -> assertThat(i.path("id").asText()).isEqualTo(id));

        // and lifted again
        assertStatus(
                admin.post(
                        Telemetry.PATH + "/" + id + "/toggle",
                        Map.of("toggle_key", "block_plugin", "toggle_value", false, "reason", "Fixed")),
                200);
        assertAllToggles(Telemetry.beat(plugin, beat), Map.of());
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id), 200)
                        .path("status")
                        .asText())
                .isEqualTo("active");
        JsonNode history = assertStatus(admin.get(Telemetry.PATH + "/" + id + "/toggles"), 200);
        assertThat(history.isArray()).isTrue();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("toggle_value").asBoolean())
                .as("newest first: %s", history)
                .isFalse();
        assertThat(history.get(1).path("toggle_value").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void seedToggleWithAnExpiryInThePastIsKeptButNotReturned() {
        Map<String, Object> beat = Telemetry.heartbeat(merchantA, WOO, "https://expired-" + u + ".example.com", LATEST);
        String id = Telemetry.beat(plugin, beat).path("installation_id").asText();
        String seedToggle =
                """
                {
                  "toggle_key": "block_plugin",
                  "toggle_value": true,
                  "reason": "Critical security vulnerability",
                  "expires_at": "2025-01-25T00:00:00Z",
                  "updated_by": "ops-agent-uuid"
                }
                """;

        ApiResponse set = admin.post(Telemetry.PATH + "/" + id + "/toggle", seedToggle);

        JsonNode toggle = assertStatus(set, 200);
        assertThat(toggle.path("id").isMissingNode()).isFalse();
        assertThat(toggle.path("plugin_id").asText()).isEqualTo(id);
        assertThat(toggle.path("toggle_key").asText()).isEqualTo("block_plugin");
        assertThat(toggle.path("toggle_value").asBoolean()).isTrue();
        assertThat(toggle.path("reason").asText()).isEqualTo("Critical security vulnerability");
        assertThat(Instant.parse(toggle.path("expires_at").asText())).isEqualTo(Instant.parse("2025-01-25T00:00:00Z"));
        assertThat(toggle.path("updated_by").asText()).isEqualTo("ops-agent-uuid");
        assertThat(toggle.path("active").asBoolean())
                .as("a toggle that expired in January 2025")
                .isFalse();

        assertAllToggles(Telemetry.beat(plugin, beat), Map.of());
        JsonNode detail = assertStatus(admin.get(Telemetry.PATH + "/" + id), 200);
        assertThat(detail.path("active_toggles")).isEmpty();
        assertThat(detail.path("status").asText()).isNotEqualTo("blocked");
    }

    @Test
    @Order(6)
    void aToggleThatExpiresShortlyIsReturnedUntilItExpires() {
        Map<String, Object> beat =
                Telemetry.heartbeat(merchantA, WOO, "https://expiring-" + u + ".example.com", LATEST);
        String id = Telemetry.beat(plugin, beat).path("installation_id").asText();
        Instant expiry = Instant.now().plusSeconds(6);

        JsonNode toggle = assertStatus(
                admin.post(
                        Telemetry.PATH + "/" + id + "/toggle",
                        Map.of(
                                "toggle_key",
                                "enable_debug",
                                "toggle_value",
                                true,
                                "reason",
                                "Debugging checkout for a few seconds",
                                "expires_at",
                                expiry.toString())),
                200);
        assertThat(toggle.path("active").asBoolean()).isTrue();

        assertAllToggles(Telemetry.beat(plugin, beat), Map.of("enable_debug", true));
        await("enable_debug to expire")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !Telemetry.beat(plugin, beat)
                        .path("toggles")
                        .path("enable_debug")
                        .asBoolean());
        assertThat(Instant.now())
                .as("the toggle ended no earlier than its expiry")
                .isAfterOrEqualTo(expiry);
        assertAllToggles(Telemetry.beat(plugin, beat), Map.of());
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id), 200).path("active_toggles"))
                .isEmpty();
        JsonNode history = assertStatus(admin.get(Telemetry.PATH + "/" + id + "/toggles"), 200);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("active").asBoolean()).isFalse();
    }

    @Test
    @Order(7)
    void aRateLimitOfOneAMinuteAnswersTheSecondHeartbeatWith429AndRetryAfter() {
        Map<String, Object> beat = Telemetry.heartbeat(merchantA, WOO, "https://limited-" + u + ".example.com", LATEST);
        Map<String, Object> neighbour =
                Telemetry.heartbeat(merchantA, WOO, "https://unlimited-" + u + ".example.com", LATEST);
        String id = Telemetry.beat(plugin, beat).path("installation_id").asText();
        Telemetry.beat(plugin, neighbour);

        JsonNode toggle = assertStatus(
                admin.post(
                        Telemetry.PATH + "/" + id + "/toggle",
                        Map.of(
                                "toggle_key",
                                "rate_limit",
                                "toggle_value",
                                true,
                                "reason",
                                "Plugin loops on heartbeats",
                                "rate_per_minute",
                                1)),
                200);
        assertThat(toggle.path("rate_per_minute").asInt()).isEqualTo(1);

        assertAllToggles(Telemetry.beat(plugin, beat), Map.of("rate_limit", true));
        ApiResponse limited = plugin.post(Telemetry.HEARTBEAT, beat);

        assertError(limited, 429, "rate_limited", null);
        assertThat(limited.header("Retry-After"))
                .as("Retry-After of %s", limited)
                .isPresent();
        assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow().strip()))
                .as("Retry-After of %s", limited)
                .isBetween(1L, 60L);
        // only that installation is held back
        Telemetry.beat(plugin, neighbour);

        assertStatus(
                admin.post(
                        Telemetry.PATH + "/" + id + "/toggle",
                        Map.of("toggle_key", "rate_limit", "toggle_value", false, "reason", "Fixed in 1.3.6")),
                200);
        assertAllToggles(Telemetry.beat(plugin, beat), Map.of());
        Telemetry.beat(plugin, beat);
    }

    // ---------------------------------------------------------------- seed 002: stats, versions, monitoring

    @Test
    @Order(8)
    void statsOverviewHasSeedShapeAndCountsANewInstallation() {
        String cms = "stats-" + u;
        JsonNode before = assertStatus(admin.get(Telemetry.STATS), 200);
        assertHasFields(
                before,
                List.of(
                        "active_count",
                        "outdated_count",
                        "blocked_count",
                        "error_count",
                        "high_error_rate_count",
                        "stale_count",
                        "total_count",
                        "avg_error_rate",
                        "outdated_percentage",
                        "cms_breakdown"));
        for (String count : List.of(
                "active_count",
                "outdated_count",
                "blocked_count",
                "error_count",
                "high_error_rate_count",
                "stale_count",
                "total_count")) {
            assertThat(before.path(count).isIntegralNumber())
                    .as("%s in %s", count, before)
                    .isTrue();
        }
        assertThat(before.path("avg_error_rate").isNumber()).isTrue();
        assertThat(before.path("outdated_percentage").isNumber()).isTrue();
        assertThat(before.path("active_count").asLong()
                        + before.path("outdated_count").asLong()
                        + before.path("blocked_count").asLong()
                        + before.path("error_count").asLong())
                .as("every installation has one status of active, outdated, blocked, error: %s", before)
                .isEqualTo(before.path("total_count").asLong());
        assertThat(before.path("cms_breakdown").isArray()).isTrue();
        assertThat(before.path("cms_breakdown")).as("woocommerce in %s", before).anySatisfy(c -> {
            assertThat(c.path("cms").asText()).isEqualTo(WOO);
            assertThat(c.path("count").asLong()).isGreaterThanOrEqualTo(1);
        });

        Telemetry.beat(plugin, Telemetry.heartbeat(merchantA, cms, "https://stats-" + u + ".example.com", "2.0.0"));

        JsonNode after = assertStatus(admin.get(Telemetry.STATS), 200);
        assertThat(after.path("total_count").asLong())
                .isEqualTo(before.path("total_count").asLong() + 1);
        assertThat(after.path("cms_breakdown")).anySatisfy(c -> {
            assertThat(c.path("cms").asText()).isEqualTo(cms);
            assertThat(c.path("count").asLong()).isEqualTo(1);
        });
    }

    @Test
    @Order(9)
    void versionsAreRegisteredListedRefusedTwiceAndRemoved() {
        String cms = "versions-" + u;
        Map<String, Object> v200 = version(cms, "2.0.0", true, false);

        ApiResponse created = admin.post(Telemetry.VERSIONS, v200);

        JsonNode version = assertStatus(created, 201);
        assertHasFields(
                version,
                List.of(
                        "cms",
                        "version",
                        "is_latest",
                        "is_security",
                        "release_notes",
                        "released_at",
                        "latest",
                        "installations",
                        "created_at"));
        assertThat(version.path("cms").asText()).isEqualTo(cms);
        assertThat(version.path("version").asText()).isEqualTo("2.0.0");
        assertThat(version.path("is_latest").asBoolean()).isTrue();
        assertThat(version.path("is_security").asBoolean()).isFalse();
        assertThat(version.path("release_notes").asText()).isEqualTo("Notes of 2.0.0");
        assertThat(Instant.parse(version.path("released_at").asText()))
                .isEqualTo(Instant.parse("2026-01-18T10:00:00Z"));
        assertThat(version.path("latest").asBoolean()).isTrue();

        assertConflict(admin.post(Telemetry.VERSIONS, v200));

        Telemetry.beat(plugin, Telemetry.heartbeat(merchantA, cms, "https://versions-" + u + ".example.com", "2.0.0"));
        assertStatus(admin.post(Telemetry.VERSIONS, version(cms, "2.1.0", true, true)), 201);
        List<JsonNode> listed = versions(cms);
        assertThat(listed).extracting(v -> v.path("version").asText()).containsExactlyInAnyOrder("2.0.0", "2.1.0");
        JsonNode old = listed.stream()
                .filter(v -> v.path("version").asText().equals("2.0.0"))
                .findFirst()
                .orElseThrow();
        JsonNode newest = listed.stream()
                .filter(v -> v.path("version").asText().equals("2.1.0"))
                .findFirst()
                .orElseThrow();
        assertThat(newest.path("latest").asBoolean()).as("%s", listed).isTrue();
        assertThat(newest.path("is_security").asBoolean()).isTrue();
        assertThat(old.path("latest").asBoolean()).as("%s", listed).isFalse();
        assertThat(old.path("installations").asLong())
                .as("installations on 2.0.0: %s", old)
                .isEqualTo(1);
        assertThat(versions(null))
                .anySatisfy(v -> assertThat(v.path("cms").asText()).isEqualTo(cms))
                .anySatisfy(v -> assertThat(v.path("cms").asText()).isEqualTo(WOO));

        assertThat(admin.delete(Telemetry.VERSIONS + "/" + cms + "/2.1.0").status())
                .isEqualTo(204);
        assertThat(versions(cms)).extracting(v -> v.path("version").asText()).containsExactly("2.0.0");
        assertError(admin.delete(Telemetry.VERSIONS + "/" + cms + "/2.1.0"), 404, "not_found", null);

        assertError(admin.post(Telemetry.VERSIONS, version(cms, "x", false, false)), 400, "invalid_value", "version");
        Map<String, Object> noCms = version(cms, "3.0.0", false, false);
        noCms.remove("cms");
        assertError(admin.post(Telemetry.VERSIONS, noCms), 400, "missing_field", "cms");
    }

    @Test
    @Order(10)
    void monitoringRunsHourlyAndDailyOnDemand() {
        for (String kind : List.of("hourly", "daily")) {
            JsonNode run = assertStatus(admin.post(Telemetry.MONITORING, Map.of("kind", kind)), 200);
            assertHasFields(
                    run,
                    List.of(
                            "kind",
                            "installations",
                            "marked_outdated",
                            "marked_stale",
                            "error_rates_updated",
                            "metrics_recorded",
                            "notices_sent",
                            "alerts",
                            "duration_millis"));
            assertThat(run.path("kind").asText()).isEqualTo(kind);
            assertThat(run.path("alerts").isArray()).isTrue();
            assertThat(run.path("duration_millis").asLong()).isGreaterThanOrEqualTo(0);
        }
        assertError(admin.post(Telemetry.MONITORING, Map.of("kind", "weekly")), 400, "invalid_value", "kind");
    }

    // ---------------------------------------------------------------- seed 002: upgrade notifications

    @Test
    @Order(11)
    void anUpgradeNoticeIsMailedToTheMerchantWithTheVersionsAndAcknowledged() throws Exception {
        // seed 002's E2E test: plugin on 1.2.0, 1.3.5 registered as latest (before all), notify, mail, acknowledge
        String id = Telemetry.beat(
                        plugin, Telemetry.heartbeat(merchantA, WOO, "https://upgrade-" + u + ".example.com", "1.2.0"))
                .path("installation_id")
                .asText();
        try (Mailbox mailbox = new Mailbox("telemetry mail " + u)) {
            ApiResponse sent = admin.post(Telemetry.PATH + "/" + id + "/notify-upgrade", Map.of("channel", "email"));

            JsonNode answer = assertStatus(sent, 200);
            assertThat(answer.path("status").asText()).isEqualTo("ok");
            assertThat(answer.path("message").asText()).isEqualTo("Notification sent");
            assertThat(answer.path("notifications"))
                    .as("notifications of %s", sent)
                    .hasSize(1);
            JsonNode notice = answer.path("notifications").get(0);
            assertNotice(notice, id, merchantA, "1.2.0", "minor", "email", "normal");
            assertThat(notice.path("sent_by").asText()).isEqualTo(Hub.ADMIN);

            MimeMessage mail = mailbox.awaitMail(1).get(0);
            assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString())
                    .isEqualTo(emailA);
            String text = mail.getSubject() + "\n" + text(mail);
            // checked at the end, so that the rest of the flow is checked too when the mail's text is wrong
            SoftAssertions mailText = new SoftAssertions();
            mailText.assertThat(text)
                    .as("the upgrade mail (subject and text)")
                    .contains("1.2.0")
                    .contains(LATEST)
                    .contains("My Shop");
            assertThat(notice.path("delivery_id").isIntegralNumber())
                    .as("an email notice goes through the outbox: delivery_id of %s", notice)
                    .isTrue();
            awaitDelivered(notice.path("delivery_id").asLong());

            // the other merchant's key cannot acknowledge it
            ApiResponse foreign =
                    pluginB.post(Telemetry.NOTICES + "/" + notice.path("id").asText() + "/acknowledge", Map.of());
            assertThat(foreign.status()).as("%s", foreign).isIn(403, 404);
            assertNoInternals(foreign);
            assertThat(assertStatus(
                                    admin.get(Telemetry.NOTICES + "/"
                                            + notice.path("id").asText()),
                                    200)
                            .path("acknowledged_at")
                            .isNull())
                    .as("still unacknowledged after %s", foreign)
                    .isTrue();

            JsonNode acknowledged = assertStatus(
                    plugin.post(Telemetry.NOTICES + "/" + notice.path("id").asText() + "/acknowledge", Map.of()), 200);
            assertThat(acknowledged.path("acknowledged_at").isNull()).isFalse();
            assertThat(Instant.parse(acknowledged.path("acknowledged_at").asText()))
                    .isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(120));

            JsonNode updated = assertStatus(
                    admin.get(Telemetry.NOTICES + "/" + notice.path("id").asText()), 200);
            assertThat(updated.path("acknowledged_at").isNull())
                    .as("%s", updated)
                    .isFalse();
            assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id + "/notifications"), 200))
                    .anySatisfy(n -> {
                        assertThat(n.path("id").asText())
                                .isEqualTo(notice.path("id").asText());
                        assertThat(n.path("acknowledged_at").isNull()).isFalse();
                    });
            assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id), 200).path("notifications"))
                    .anySatisfy(n -> assertThat(n.path("id").asText())
                            .isEqualTo(notice.path("id").asText()));
            mailText.assertAll();
        }
    }

    @Test
    @Order(12)
    void withoutAChannelSeed002sTableSendsAMajorUpgradeByEmailAndInAppWithHighPriority() throws Exception {
        String id = Telemetry.beat(
                        pluginB, Telemetry.heartbeat(merchantB, WOO, "https://major-" + u + ".example.com", "0.9.0"))
                .path("installation_id")
                .asText();
        try (Mailbox mailbox = new Mailbox("telemetry major " + u)) {
            JsonNode answer = assertStatus(admin.post(Telemetry.PATH + "/" + id + "/notify-upgrade", Map.of()), 200);

            assertThat(answer.path("status").asText()).isEqualTo("ok");
            List<JsonNode> notices = new ArrayList<>();
            answer.path("notifications").forEach(notices::add);
            assertThat(notices)
                    .extracting(n -> n.path("channel").asText())
                    .as("channels of %s", answer)
                    .containsExactlyInAnyOrder("email", "in-app");
            for (JsonNode notice : notices) {
                assertNotice(
                        notice,
                        id,
                        merchantB,
                        "0.9.0",
                        "major",
                        notice.path("channel").asText(),
                        "high");
            }
            MimeMessage mail = mailbox.awaitMail(1).get(0);
            assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString())
                    .isEqualTo(emailB);
            SoftAssertions mailText = new SoftAssertions();
            mailText.assertThat(mail.getSubject() + "\n" + text(mail))
                    .as("the upgrade mail (subject and text)")
                    .contains("0.9.0")
                    .contains(LATEST)
                    .contains("Other Shop");

            // the in-app one waits in the plugin's heartbeat; staff (ops) may acknowledge it too
            JsonNode inApp = notices.stream()
                    .filter(n -> n.path("channel").asText().equals("in-app"))
                    .findFirst()
                    .orElseThrow();
            JsonNode reply = Telemetry.beat(
                    pluginB, Telemetry.heartbeat(merchantB, WOO, "https://major-" + u + ".example.com", "0.9.0"));
            assertThat(reply.path("notices"))
                    .anySatisfy(n -> assertThat(n.path("id").asText())
                            .isEqualTo(inApp.path("id").asText()));
            JsonNode acknowledged = assertStatus(
                    admin.post(Telemetry.NOTICES + "/" + inApp.path("id").asText() + "/acknowledge", Map.of()), 200);
            assertThat(acknowledged.path("acknowledged_at").isNull()).isFalse();
            assertThat(acknowledged.path("acknowledged_by").asText()).isEqualTo(Hub.ADMIN);
            mailText.assertAll();
        }
    }

    @Test
    @Order(13)
    void anInAppNoticeRidesTheHeartbeatUntilTheMerchantAcknowledgesIt() {
        Map<String, Object> beat = Telemetry.heartbeat(merchantA, WOO, "https://in-app-" + u + ".example.com", "1.2.0");
        String id = Telemetry.beat(plugin, beat).path("installation_id").asText();

        JsonNode answer = assertStatus(
                admin.post(Telemetry.PATH + "/" + id + "/notify-upgrade", Map.of("channel", "in-app")), 200);
        assertThat(answer.path("message").asText()).isEqualTo("Notification sent");
        assertThat(answer.path("notifications")).hasSize(1);
        JsonNode notice = answer.path("notifications").get(0);
        assertNotice(notice, id, merchantA, "1.2.0", "minor", "in-app", "normal");
        String noticeId = notice.path("id").asText();

        JsonNode reply = Telemetry.beat(plugin, beat);
        JsonNode handed =
                find(reply.path("notices"), n -> noticeId.equals(n.path("id").asText()));
        assertThat(handed).as("notice %s in %s", noticeId, reply).isNotNull();
        assertThat(handed.path("target_version").asText()).isEqualTo(LATEST);
        assertThat(handed.path("current_version").asText()).isEqualTo("1.2.0");
        // still there until acknowledged
        assertThat(Telemetry.beat(plugin, beat).path("notices"))
                .anySatisfy(n -> assertThat(n.path("id").asText()).isEqualTo(noticeId));

        ApiResponse foreign = pluginB.post(Telemetry.NOTICES + "/" + noticeId + "/acknowledge", Map.of());
        assertThat(foreign.status())
                .as("merchant B acknowledging A's notice: %s", foreign)
                .isIn(403, 404);
        assertNoInternals(foreign);
        assertThat(Telemetry.beat(plugin, beat).path("notices"))
                .anySatisfy(n -> assertThat(n.path("id").asText()).isEqualTo(noticeId));

        JsonNode acknowledged =
                assertStatus(plugin.post(Telemetry.NOTICES + "/" + noticeId + "/acknowledge", Map.of()), 200);
        assertThat(acknowledged.path("id").asText()).isEqualTo(noticeId);
        assertThat(acknowledged.path("acknowledged_at").isNull()).isFalse();

        assertThat(Telemetry.beat(plugin, beat).path("notices"))
                .noneSatisfy(n -> assertThat(n.path("id").asText()).isEqualTo(noticeId));
        assertThat(assertStatus(admin.get(Telemetry.NOTICES + "/" + noticeId), 200)
                        .path("acknowledged_at")
                        .isNull())
                .isFalse();
        assertError(admin.get(Telemetry.NOTICES + "/" + UUID.randomUUID()), 404, "not_found", null);
    }

    @Test
    @Order(14)
    void notifyingAnInstallOnTheLatestVersionIsAConflict() {
        String id = Telemetry.beat(
                        plugin, Telemetry.heartbeat(merchantA, WOO, "https://current-" + u + ".example.com", LATEST))
                .path("installation_id")
                .asText();

        assertConflict(admin.post(Telemetry.PATH + "/" + id + "/notify-upgrade", Map.of("channel", "in-app")));
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id + "/notifications"), 200))
                .isEmpty();
        assertError(
                admin.post(Telemetry.PATH + "/" + id + "/notify-upgrade", Map.of("channel", "carrier-pigeon")),
                400,
                "invalid_value",
                "channel");
    }

    // ---------------------------------------------------------------- keys and who may do what

    @Test
    @Order(15)
    void keysAreListedWithoutTheirSecretAndARevokedKeyIsRefused() {
        String merchant = UUID.randomUUID().toString();
        JsonNode issued = Telemetry.createKey(admin, merchant, "Revoked Shop", "revoked-" + u + "@example.com", null);
        assertHasFields(
                issued,
                List.of(
                        "id",
                        "merchant_id",
                        "merchant_name",
                        "merchant_email",
                        "merchant_phone",
                        "key_prefix",
                        "created_by",
                        "created_at",
                        "revoked_at",
                        "key"));
        assertThat(issued.path("merchant_id").asText()).isEqualTo(merchant);
        assertThat(issued.path("created_by").asText()).isEqualTo(Hub.ADMIN);
        assertThat(issued.path("revoked_at").isNull()).isTrue();
        String key = issued.path("key").asText();
        assertThat(key).startsWith(shownPrefix(issued.path("key_prefix").asText()));
        Api revoked = hub.api().withToken(key);
        Map<String, Object> beat = Telemetry.heartbeat(merchant, WOO, "https://revoked-" + u + ".example.com", LATEST);
        Telemetry.beat(revoked, beat);

        ApiResponse keys = admin.get(Telemetry.KEYS + "?merchant_id=" + Api.encode(merchant));
        JsonNode listed = assertStatus(keys, 200);
        assertThat(listed.isArray()).isTrue();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText())
                .isEqualTo(issued.path("id").asText());
        assertThat(listed.get(0).has("key")).as("the key itself in %s", keys).isFalse();
        assertThat(keys.body()).doesNotContain(key);
        assertThat(assertStatus(admin.get(Telemetry.KEYS), 200).toString()).doesNotContain(key);

        assertThat(admin.delete(Telemetry.KEYS + "/" + issued.path("id").asText())
                        .status())
                .isEqualTo(204);

        assertError(revoked.post(Telemetry.HEARTBEAT, beat), 401, "unauthorized", null);
        JsonNode after = assertStatus(admin.get(Telemetry.KEYS + "?merchant_id=" + Api.encode(merchant)), 200);
        assertThat(after.get(0).path("revoked_at").isNull()).as("%s", after).isFalse();
        assertError(admin.delete(Telemetry.KEYS + "/" + UUID.randomUUID()), 404, "not_found", null);
    }

    @Test
    @Order(16)
    void aMerchantKeyReachesOnlyItsOwnMerchantAndNothingOfStaff() {
        Map<String, Object> beatB = Telemetry.heartbeat(merchantB, WOO, "https://b-" + u + ".example.com", LATEST);
        Telemetry.beat(pluginB, beatB);
        long before = Telemetry.totalCount(admin, "merchant_id=" + Api.encode(merchantB));

        // no key, a wrong key
        assertError(hub.api().post(Telemetry.HEARTBEAT, beatB), 401, "unauthorized", null);
        assertError(
                hub.api().withToken("mk_" + "0".repeat(40)).post(Telemetry.HEARTBEAT, beatB),
                401,
                "unauthorized",
                null);
        // A's key with B's merchant_id
        assertError(plugin.post(Telemetry.HEARTBEAT, beatB), 403, "forbidden", null);
        assertError(
                plugin.post(
                        Telemetry.EVENT,
                        Map.of(
                                "merchant_id",
                                merchantB,
                                "cms",
                                WOO,
                                "site_url",
                                "https://b-" + u + ".example.com",
                                "event_type",
                                "info",
                                "event_data",
                                Map.of("note", "not A's"))),
                403,
                "forbidden",
                null);
        assertThat(Telemetry.totalCount(admin, "merchant_id=" + Api.encode(merchantB)))
                .as("B's installations after refused heartbeats")
                .isEqualTo(before);
        // a merchant key is no staff credential
        ApiResponse staffWithMerchantKey = plugin.get(Telemetry.LIST);
        assertThat(staffWithMerchantKey.status()).as("%s", staffWithMerchantKey).isIn(401, 403);
        assertNoInternals(staffWithMerchantKey);
        assertError(hub.api().get(Telemetry.LIST), 401, "unauthorized", null);
        assertError(hub.api().get(Telemetry.KEYS), 401, "unauthorized", null);

        // staff: a viewer reads, only ops change
        String viewerName = Users.create(admin, "tviewer", "viewer");
        Api viewer = hub.api().as(viewerName, Users.PASSWORD);
        String id = Telemetry.listAll(viewer, "merchant_id=" + Api.encode(merchantB))
                .get(0)
                .path("id")
                .asText();
        assertStatus(viewer.get(Telemetry.PATH + "/" + id), 200);
        assertStatus(viewer.get(Telemetry.STATS), 200);
        assertStatus(viewer.get(Telemetry.VERSIONS), 200);
        assertError(
                viewer.post(
                        Telemetry.PATH + "/" + id + "/toggle",
                        Map.of("toggle_key", "block_plugin", "toggle_value", true, "reason", "viewer")),
                403,
                "forbidden",
                null);
        assertError(
                viewer.post(
                        Telemetry.KEYS,
                        Map.of("merchant_id", "viewer-" + u, "merchant_name", "V", "merchant_email", "v@example.com")),
                403,
                "forbidden",
                null);
        assertError(
                viewer.post(Telemetry.VERSIONS, version("viewer-" + u, "1.0.0", true, false)), 403, "forbidden", null);
        assertError(viewer.post(Telemetry.PATH + "/" + id + "/notify-upgrade", Map.of()), 403, "forbidden", null);
        assertError(viewer.post(Telemetry.MONITORING, Map.of("kind", "hourly")), 403, "forbidden", null);
        assertAllToggles(Telemetry.beat(pluginB, beatB), Map.of());
    }

    // ---------------------------------------------------------------- bad bodies

    @Test
    @Order(17)
    void badHeartbeatsAreRefusedWith400NamingTheFieldAndStoreNothing() {
        String site = "https://bad-" + u + ".example.com";
        String merchant = "merchant_id=" + Api.encode(merchantA);
        long before = Telemetry.totalCount(admin, merchant);

        Map<String, Object> noMerchant = Telemetry.heartbeat(merchantA, WOO, site, LATEST);
        noMerchant.remove("merchant_id");
        assertError(plugin.post(Telemetry.HEARTBEAT, noMerchant), 400, "missing_field", "merchant_id");
        Map<String, Object> noCms = Telemetry.heartbeat(merchantA, WOO, site, LATEST);
        noCms.remove("cms");
        assertError(plugin.post(Telemetry.HEARTBEAT, noCms), 400, "missing_field", "cms");
        Map<String, Object> noVersion = Telemetry.heartbeat(merchantA, WOO, site, LATEST);
        noVersion.remove("plugin_version");
        assertError(plugin.post(Telemetry.HEARTBEAT, noVersion), 400, "missing_field", "plugin_version");
        assertError(
                plugin.post(Telemetry.HEARTBEAT, Telemetry.heartbeat(merchantA, WOO, site, "not a version")),
                400,
                "invalid_value",
                "plugin_version");
        assertError(
                plugin.post(Telemetry.HEARTBEAT, Telemetry.heartbeat(merchantA, "woo commerce!", site, LATEST)),
                400,
                "invalid_value",
                "cms");
        Map<String, Object> badEnvironment = Telemetry.heartbeat(merchantA, WOO, site, LATEST);
        badEnvironment.put("environment", "prod");
        assertError(plugin.post(Telemetry.HEARTBEAT, badEnvironment), 400, "invalid_value", "environment");
        assertError(
                plugin.post(
                        Telemetry.HEARTBEAT, Telemetry.heartbeat(merchantA, WOO, "ftp://files.example.com", LATEST)),
                400,
                "invalid_value",
                "site_url");
        Map<String, Object> wrongType = Telemetry.heartbeat(merchantA, WOO, site, LATEST);
        wrongType.put("errors_last_hour", "lots");
        ApiResponse typed = plugin.post(Telemetry.HEARTBEAT, wrongType);
        assertThat(typed.status()).as("%s", typed).isEqualTo(400);
        assertThat(typed.text("field")).as("field of %s", typed).isEqualTo("errors_last_hour");
        ApiResponse malformed = plugin.post(Telemetry.HEARTBEAT, "{\"merchant_id\":");
        assertThat(malformed.status()).as("%s", malformed).isEqualTo(400);
        assertThat(malformed.text("error")).as("error of %s", malformed).startsWith("malformed");
        assertNoInternals(malformed);

        assertThat(Telemetry.totalCount(admin, merchant))
                .as("installations after refused heartbeats")
                .isEqualTo(before);
    }

    @Test
    @Order(18)
    void badEventsTogglesAndOddBodiesAreRefusedAndNeverA500() {
        String id = Telemetry.beat(
                        plugin, Telemetry.heartbeat(merchantA, WOO, "https://odd-" + u + ".example.com", LATEST))
                .path("installation_id")
                .asText();

        assertError(
                admin.post(
                        Telemetry.PATH + "/" + id + "/toggle",
                        Map.of("toggle_key", "nope", "toggle_value", true, "reason", "typo")),
                400,
                "invalid_value",
                "toggle_key");
        assertError(
                admin.post(
                        Telemetry.PATH + "/" + id + "/toggle",
                        Map.of(
                                "toggle_key", "block_plugin",
                                "toggle_value", true,
                                "reason", "bad date",
                                "expires_at", "next tuesday")),
                400,
                "invalid_value",
                "expires_at");
        assertError(
                admin.post(
                        Telemetry.PATH + "/" + UUID.randomUUID() + "/toggle",
                        Map.of("toggle_key", "block_plugin", "toggle_value", true, "reason", "unknown installation")),
                404,
                "not_found",
                null);
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id + "/toggles"), 200))
                .isEmpty();

        Map<String, Object> event = new LinkedHashMap<>();
        event.put("merchant_id", merchantA);
        event.put("cms", WOO);
        event.put("site_url", "https://odd-" + u + ".example.com");
        event.put("event_type", "explosion");
        event.put("event_data", Map.of());
        assertError(plugin.post(Telemetry.EVENT, event), 400, "invalid_value", "event_type");
        event.put("event_type", "error");
        event.put("severity", "apocalyptic");
        assertError(plugin.post(Telemetry.EVENT, event), 400, "invalid_value", "severity");
        event.remove("severity");
        event.remove("merchant_id");
        assertError(plugin.post(Telemetry.EVENT, event), 400, "missing_field", "merchant_id");
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id + "/events?limit=10"), 200))
                .isEmpty();

        List<String> odd = List.of(
                "",
                "null",
                "[]",
                "42",
                "\"heartbeat\"",
                "{\"merchant_id\":[\"" + merchantA + "\"],\"cms\":\"woocommerce\",\"plugin_version\":\"1.0.0\"}",
                "{\"merchant_id\":\"" + merchantA + "\",\"cms\":\"woocommerce\",\"plugin_version\":\"1.0.0\","
                        + "\"server_info\":\"not an object\"}",
                "{\"merchant_id\":\"" + merchantA + "\",\"cms\":\"woocommerce\",\"plugin_version\":\""
                        + "9".repeat(5_000) + "\"}",
                "{\"merchant_id\":\"" + merchantA + "\",\"cms\":\"woocommerce\",\"plugin_version\":\"1.0.0\","
                        + "\"errors_last_hour\":1e400}",
                "{\"merchant_id\":\"" + merchantA + "\",\"cms\":\"woocommerce\",\"plugin_version\":\"1.0.0\","
                        + "\"errors_last_hour\":-1}",
                "{\"merchant_id\":\"" + merchantA + "\",\"cms\":\"" + "w".repeat(41)
                        + "\",\"plugin_version\":\"1.0.0\"}",
                "{\"merchant_id\":\"" + merchantA + "\",\"cms\":\"woocommerce\",\"plugin_version\":\"1.0.0\","
                        + "\"site_url\":\"https://" + "a".repeat(2_000) + ".example.com\"}",
                "{\"merchant_id\":\"\u0000\",\"cms\":\"woocommerce\",\"plugin_version\":\"1.0.0\"}");
        List<String> wrong = new ArrayList<>();
        for (String body : odd) {
            for (String path : List.of(Telemetry.HEARTBEAT, Telemetry.EVENT)) {
                ApiResponse response = plugin.send("POST", path, "application/json", BodyPublishers.ofString(body));
                if (response.status() != 400
                        || !response.contentType().startsWith("application/json")
                        || response.text("error") == null
                        || response.body().contains("Exception")) {
                    wrong.add(response.toString());
                }
            }
        }
        for (String body : List.of(
                "{\"toggle_key\":", "[]", "{\"toggle_key\":\"block_plugin\",\"toggle_value\":\"yes please\"}")) {
            ApiResponse response = admin.send(
                    "POST", Telemetry.PATH + "/" + id + "/toggle", "application/json", BodyPublishers.ofString(body));
            if (response.status() != 400 || response.text("error") == null) {
                wrong.add(response.toString());
            }
        }
        assertThat(wrong)
                .as("odd bodies not answered with a 400 error in the API's shape")
                .isEmpty();
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id + "/toggles"), 200))
                .isEmpty();
    }

    // ---------------------------------------------------------------- seed 001: WordPress connections

    @Test
    @Order(19)
    void seed001WordPressHeartbeatConnectsTheBotToken() throws IOException {
        ApiResponse issued = admin.post(Telemetry.CONNECTION_TOKENS, Map.of("name", "wordpress " + u));
        JsonNode token = assertStatus(issued, 201);
        String secret = token.path("token").asText();
        assertThat(secret).as("token of %s", issued).startsWith("bot_");
        String id = token.path("id").asText();
        assertThat(token.path("status").asText()).isEqualTo("never");
        assertThat(token.path("wordpress_connected").asBoolean()).isFalse();
        String seedBody =
                """
                {
                  "site_url": "https://example.com",
                  "plugin_version": "1.1.0",
                  "wp_version": "6.3.1",
                  "is_active": true
                }
                """;

        ApiResponse response = hub.api()
                .send(hub.api()
                        .request(Telemetry.WORDPRESS_HEARTBEAT)
                        .header("X-Bot-Token", secret)
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(seedBody)));

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json())
                .as("%s", response)
                .isEqualTo(Api.JSON.readTree(
                        "{\"success\":true,\"message\":\"WordPress connection updated successfully\"}"));

        JsonNode all = assertStatus(admin.get(Telemetry.CONNECTIONS), 200);
        assertThat(all.isArray()).as("connections: %s", all).isTrue();
        JsonNode connection = find(all, c -> id.equals(c.path("id").asText()));
        assertThat(connection).as("connection %s in %s", id, all).isNotNull();
        assertHasFields(
                connection,
                List.of(
                        "id",
                        "name",
                        "token_prefix",
                        "status",
                        "wordpress_connected",
                        "site_url",
                        "plugin_version",
                        "wp_version",
                        "is_active",
                        "last_activity",
                        "last_sync",
                        "heartbeats",
                        "created_by",
                        "created_at",
                        "revoked_at"));
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(connection.path("name").asText()).isEqualTo("wordpress " + u);
        soft.assertThat(connection.path("status").asText()).isEqualTo("connected");
        soft.assertThat(connection.path("wordpress_connected").asBoolean()).isTrue();
        soft.assertThat(connection.path("site_url").asText()).startsWith("https://example.com");
        soft.assertThat(connection.path("plugin_version").asText()).isEqualTo("1.1.0");
        soft.assertThat(connection.path("wp_version").asText()).isEqualTo("6.3.1");
        soft.assertThat(connection.path("is_active").asBoolean()).isTrue();
        soft.assertThat(connection.path("heartbeats").asLong()).isEqualTo(1);
        soft.assertThat(connection.path("last_sync").asText()).matches("just now|[0-9]+ minutes? ago");
        soft.assertThat(Instant.parse(connection.path("last_activity").asText()))
                .isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(120));
        soft.assertThat(secret)
                .startsWith(shownPrefix(connection.path("token_prefix").asText()));
        soft.assertAll();
        assertThat(all.toString()).doesNotContain(secret);
        assertThat(assertStatus(admin.get(Telemetry.CONNECTIONS + "/" + id), 200)
                        .path("status")
                        .asText())
                .isEqualTo("connected");

        // wrong or missing token
        ApiResponse wrong = hub.api()
                .send(hub.api()
                        .request(Telemetry.WORDPRESS_HEARTBEAT)
                        .header("X-Bot-Token", "bot_" + "0".repeat(32))
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(seedBody)));
        assertBotFailure(wrong, 401, "unauthorized", null);
        ApiResponse missing = hub.api().post(Telemetry.WORDPRESS_HEARTBEAT, seedBody);
        assertBotFailure(missing, 401, "unauthorized", null);

        // a bad body names the field
        ApiResponse bad = hub.api()
                .send(
                        hub.api()
                                .request(Telemetry.WORDPRESS_HEARTBEAT)
                                .header("X-Bot-Token", secret)
                                .header("Content-Type", "application/json")
                                .POST(
                                        BodyPublishers.ofString(
                                                "{\"site_url\":\"not a url\",\"plugin_version\":\"1.1.0\",\"wp_version\":\"6.3.1\",\"is_active\":true}")));
        assertBotFailure(bad, 400, "invalid_value", "site_url");

        // revoked: refused, and shown as revoked
        assertThat(admin.delete(Telemetry.CONNECTION_TOKENS + "/" + id).status())
                .isEqualTo(204);
        ApiResponse afterRevoke = hub.api()
                .send(hub.api()
                        .request(Telemetry.WORDPRESS_HEARTBEAT)
                        .header("X-Bot-Token", secret)
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(seedBody)));
        assertBotFailure(afterRevoke, 401, "unauthorized", null);
        JsonNode revoked = assertStatus(admin.get(Telemetry.CONNECTIONS + "/" + id), 200);
        assertThat(revoked.path("status").asText()).isEqualTo("revoked");
        assertThat(revoked.path("revoked_at").isNull()).isFalse();
        assertThat(revoked.path("heartbeats").asLong()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Seed 001's error answer {@code {"success":false,"message":"Failed to update WordPress connection","error",
     * "field"?}} (further fields, such as a detail, may come along).
     */
    private static void assertBotFailure(ApiResponse response, int status, String error, String field) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertNoInternals(response);
        JsonNode body = response.json();
        assertThat(body.path("success").isBoolean())
                .as("success of %s", response)
                .isTrue();
        assertThat(body.path("success").asBoolean())
                .as("success of %s", response)
                .isFalse();
        assertThat(body.path("message").asText())
                .as("message of %s", response)
                .isEqualTo("Failed to update WordPress connection");
        assertThat(body.path("error").asText()).as("error of %s", response).isEqualTo(error);
        if (field != null) {
            assertThat(body.path("field").asText()).as("field of %s", response).isEqualTo(field);
        }
    }

    /** A 409 in the API's error shape; a conflict may name the field it is about. */
    private static void assertConflict(ApiResponse response) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(409);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/json");
        assertNoInternals(response);
        assertThat(response.text("error")).as("error code of %s", response).isEqualTo("conflict");
        assertThat(response.text("message")).as("message of %s", response).isNotBlank();
    }

    /** A key or token prefix as shown, without the ellipsis the hub may append to it. */
    private static String shownPrefix(String prefix) {
        String bare = prefix.endsWith("…") ? prefix.substring(0, prefix.length() - 1) : prefix;
        assertThat(bare).as("prefix %s", prefix).hasSizeGreaterThanOrEqualTo(6);
        return bare;
    }

    /** Every toggle key is in the reply as a boolean; those in {@code on} are true, the others false. */
    private static void assertAllToggles(JsonNode reply, Map<String, Boolean> on) {
        assertThat(reply.path("status").asText()).as("status of %s", reply).isEqualTo("ok");
        JsonNode toggles = reply.path("toggles");
        assertThat(toggles.isObject()).as("toggles of %s", reply).isTrue();
        for (String key : Telemetry.TOGGLE_KEYS) {
            assertThat(toggles.path(key).isBoolean())
                    .as("toggles.%s in %s", key, reply)
                    .isTrue();
            assertThat(toggles.path(key).asBoolean())
                    .as("toggles.%s in %s", key, reply)
                    .isEqualTo(on.getOrDefault(key, false));
        }
    }

    private static void assertHasFields(JsonNode node, List<String> fields) {
        List<String> missing = fields.stream().filter(f -> !node.has(f)).toList();
        assertThat(missing).as("fields missing from %s", node).isEmpty();
    }

    private static void assertNotice(
            JsonNode notice,
            String installation,
            String merchant,
            String current,
            String upgradeType,
            String channel,
            String priority) {
        assertHasFields(notice, NOTICE_FIELDS);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(notice.path("id").asText()).as("id of %s", notice).isNotBlank();
        soft.assertThat(notice.path("plugin_id").asText()).isEqualTo(installation);
        soft.assertThat(notice.path("merchant_id").asText()).isEqualTo(merchant);
        soft.assertThat(notice.path("cms").asText()).isEqualTo(WOO);
        soft.assertThat(notice.path("current_version").asText()).isEqualTo(current);
        soft.assertThat(notice.path("target_version").asText()).isEqualTo(LATEST);
        soft.assertThat(notice.path("upgrade_type").asText())
                .as("upgrade_type of %s", notice)
                .isEqualTo(upgradeType);
        soft.assertThat(notice.path("channel").asText()).isEqualTo(channel);
        soft.assertThat(notice.path("priority").asText())
                .as("priority of %s", notice)
                .isEqualTo(priority);
        soft.assertThat(notice.path("status").asText()).isNotBlank();
        soft.assertThat(notice.path("sent_at").isNull())
                .as("sent_at of %s", notice)
                .isFalse();
        soft.assertThat(notice.path("acknowledged_at").isNull())
                .as("acknowledged_at of %s", notice)
                .isTrue();
        soft.assertAll();
    }

    private static Map<String, Object> version(String cms, String version, boolean latest, boolean security) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cms", cms);
        body.put("version", version);
        body.put("is_latest", latest);
        body.put("is_security", security);
        body.put("release_notes", "Notes of " + version);
        body.put("released_at", "2026-01-18T10:00:00Z");
        return body;
    }

    private static List<JsonNode> versions(String cms) {
        JsonNode listed =
                assertStatus(admin.get(Telemetry.VERSIONS + (cms == null ? "" : "?cms=" + Api.encode(cms))), 200);
        assertThat(listed.isArray()).as("versions: %s", listed).isTrue();
        List<JsonNode> all = new ArrayList<>();
        listed.forEach(all::add);
        return all;
    }

    private static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode item : array) {
            if (test.test(item)) {
                return item;
            }
        }
        return null;
    }

    private static void awaitDelivered(long deliveryId) {
        JsonNode[] last = new JsonNode[1];
        try {
            await("delivery " + deliveryId + " delivered")
                    .atMost(DELIVERY)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        last[0] = assertStatus(admin.get(Notifications.PATH + "/" + deliveryId), 200);
                        return "delivered".equals(last[0].path("status").asText());
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("delivery " + deliveryId + " of the upgrade notice: " + last[0], e);
        }
    }

    /** The text of a message and its parts (multipart/alternative: both), decoded. */
    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                all.append(text(body)).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    /**
     * A real SMTP server on 127.0.0.2 behind an email channel that is, while the test runs, the hub's only enabled
     * one: upgrade notices go through the first enabled email channel, and earlier classes on the shared hub leave
     * theirs pointing at servers that are gone. Their channels are paused for the test and enabled again after it.
     */
    private static final class Mailbox implements AutoCloseable {

        private final GreenMail smtp;
        private final Set<Long> paused = new HashSet<>();
        private long channelId = -1;

        Mailbox(String name) {
            smtp = new GreenMail(
                    new ServerSetup(Ports.free(1)[0], Notifications.RECEIVER_HOST, ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                for (JsonNode channel :
                        assertStatus(admin.get(Notifications.CHANNELS), 200).path("items")) {
                    if ("email".equals(channel.path("type").asText())
                            && channel.path("enabled").asBoolean()) {
                        long id = channel.path("id").asLong();
                        assertStatus(admin.patch(Notifications.CHANNELS + "/" + id, Map.of("enabled", false)), 200);
                        paused.add(id);
                    }
                }
                channelId = Notifications.channel(
                                admin,
                                "email",
                                name,
                                Map.of(
                                        "host",
                                        Notifications.RECEIVER_HOST,
                                        "port",
                                        smtp.getSmtp().getPort(),
                                        "security",
                                        "none",
                                        "from",
                                        "Sitekeeper <hub@example.org>"))
                        .path("id")
                        .asLong();
            } catch (RuntimeException | AssertionError e) {
                close();
                throw e;
            }
        }

        List<MimeMessage> awaitMail(int count) {
            boolean arrived = smtp.waitForIncomingEmail(DELIVERY.toMillis(), count);
            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(arrived)
                    .as(
                            "%d mail(s) at the SMTP server within %s; it has %d: %s; channel %s",
                            count,
                            DELIVERY,
                            received.length,
                            subjects(received),
                            admin.get(Notifications.CHANNELS + "/" + channelId).body())
                    .isTrue();
            return Arrays.asList(received);
        }

        private static String subjects(MimeMessage[] messages) {
            return Arrays.stream(messages)
                    .map(m -> {
                        try {
                            return m.getSubject();
                        } catch (MessagingException e) {
                            return "?";
                        }
                    })
                    .collect(Collectors.joining(", ", "[", "]"));
        }

        @Override
        public void close() {
            try {
                if (channelId >= 0) {
                    admin.patch(Notifications.CHANNELS + "/" + channelId, Map.of("enabled", false));
                }
                for (long id : paused) {
                    admin.patch(Notifications.CHANNELS + "/" + id, Map.of("enabled", true));
                }
            } finally {
                smtp.stop();
            }
        }
    }
}
