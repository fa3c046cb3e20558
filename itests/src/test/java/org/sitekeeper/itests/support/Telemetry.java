package org.sitekeeper.itests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Plugin telemetry calls the tests share (issue 5: seed 002's plugin API and seed 001's WordPress connections). */
public final class Telemetry {

    public static final String PATH = "/api/v1/plugins";
    public static final String HEARTBEAT = PATH + "/heartbeat";
    public static final String EVENT = PATH + "/event";
    public static final String LIST = PATH + "/list";
    public static final String KEYS = PATH + "/keys";
    public static final String VERSIONS = PATH + "/versions";
    public static final String STATS = PATH + "/stats/overview";
    public static final String MONITORING = PATH + "/monitoring/run";
    public static final String NOTICES = PATH + "/notifications";
    public static final String CONNECTIONS = "/api/v1/connections";
    public static final String CONNECTION_TOKENS = CONNECTIONS + "/tokens";
    public static final String WORDPRESS_HEARTBEAT = "/api/bots/wordpress-heartbeat";

    public static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** The toggle keys of seed 002, all of which every heartbeat reply carries. */
    public static final List<String> TOGGLE_KEYS =
            List.of("block_plugin", "force_update", "enable_debug", "rate_limit");

    private Telemetry() {}

    /**
     * Waits until the telemetry routes answer: the hub is ready when sites and notifications do, telemetry may still
     * be on its way.
     */
    public static void awaitRoutes(Api admin) {
        await("telemetry routes")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> admin.get(VERSIONS).status() == 200
                        && admin.get(CONNECTIONS).status() == 200);
    }

    /** Issues a merchant key ({@code POST /plugins/keys}, 201); the answer carries the key itself, shown once. */
    public static JsonNode createKey(Api admin, String merchantId, String name, String email, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchant_id", merchantId);
        body.put("merchant_name", name);
        body.put("merchant_email", email);
        if (phone != null) {
            body.put("merchant_phone", phone);
        }
        ApiResponse response = admin.post(KEYS, body);
        assertThat(response.status())
                .as("creating a merchant key: %s", response)
                .isEqualTo(201);
        assertThat(response.text("key")).as("the new key in %s", response).startsWith("mk_");
        return response.json();
    }

    /** A heartbeat body for one installation, with seed 002's other fields. */
    public static Map<String, Object> heartbeat(String merchantId, String cms, String siteUrl, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchant_id", merchantId);
        body.put("cms", cms);
        if (siteUrl != null) {
            body.put("site_url", siteUrl);
        }
        body.put("plugin_version", version);
        body.put("sdk_language", "php");
        body.put("errors_last_hour", 0.5);
        body.put("environment", "production");
        body.put("php_version", "8.1.0");
        body.put("wordpress_version", "6.4");
        body.put(
                "server_info",
                Map.of("server_software", "Apache/2.4.56", "max_execution_time", "300", "memory_limit", "256M"));
        return body;
    }

    /** Sends a heartbeat with a merchant key and expects 200; returns the reply. */
    public static JsonNode beat(Api merchant, Map<String, Object> body) {
        ApiResponse response = merchant.post(HEARTBEAT, body);
        assertThat(response.status()).as("heartbeat %s: %s", body, response).isEqualTo(200);
        return response.json();
    }

    /** Every installation the list shows for a query (paged with limit/offset, up to 500 a page). */
    public static List<JsonNode> listAll(Api staff, String query) {
        List<JsonNode> all = new ArrayList<>();
        int limit = 500;
        for (int offset = 0; ; offset += limit) {
            ApiResponse page = staff.get(LIST + "?" + query + "&limit=" + limit + "&offset=" + offset);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            JsonNode items = page.json();
            assertThat(items.isArray()).as("the list is a JSON array: %s", page).isTrue();
            items.forEach(all::add);
            if (items.size() < limit) {
                return all;
            }
        }
    }

    /** {@code X-Total-Count} of a list query. */
    public static long totalCount(Api staff, String query) {
        ApiResponse page = staff.get(LIST + "?" + query + "&limit=1");
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return Long.parseLong(page.header("X-Total-Count")
                .orElseThrow(() -> new AssertionError("no X-Total-Count header on " + page)));
    }

    /**
     * Compares dotted versions numerically ({@code 1.0.10 > 1.0.9}); a leading {@code v} is ignored. Enough for the
     * versions the tests send (digits and dots).
     */
    public static int compareVersions(String a, String b) {
        String[] x = a.replaceFirst("^[vV]", "").split("\\.");
        String[] y = b.replaceFirst("^[vV]", "").split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
