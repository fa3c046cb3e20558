package org.sitekeeper.itests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.ApiResponse;
import org.sitekeeper.itests.support.Chromium;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Telemetry;
import org.sitekeeper.itests.support.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * The telemetry console pages (Sitekeeper → Telemetry and Sitekeeper → Connections) as headless Chromium renders
 * them: seed 002's stat cards, CMS chart and installation table with version → latest, status badge and error
 * rate; its Notify and Block buttons submitted as the browser would (the page's form fields and CSRF token) with
 * the effect checked over REST and in the plugin's next heartbeat; seed 001's "✅ Connected" with "Last sync";
 * markup in names shown as text; and what viewers may not do.
 *
 * <p>The installations use a CMS of their own ({@code console-<unique>}), so the page is filtered to them.
 */
@Order(8)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class TelemetryConsoleIT {

    private static final String PAGE = "/system/console/telemetry";
    private static final String CONNECTIONS_PAGE = "/system/console/connections";
    private static final String XSS_NAME = "Evil <script>alert(1)</script>"
            + "<img src=x onerror=\"document.body.setAttribute('data-pwned','yes')\"> shop";
    private static final String XSS_EVENT = "<img src=x onerror=\"document.body.setAttribute('data-pwned','ev')\">";
    private static final String LAST_SYNC = "Last sync: (just now|\\d+ minutes? ago)";
    private static final String LATEST = "3.0.1";
    private static final String OLD = "3.0.0";

    private static Hub hub;
    private static Api admin;
    private static String u;
    private static String cms;
    private static String merchant;
    private static Api plugin;
    private static String behindId;
    private static String currentId;
    private static String blockId;
    private static String viewerName;
    private static String connectionName;
    private static String connectedId;
    private static String connectedToken;
    private static String neverId;

    @BeforeAll
    static void threeInstallationsAndTwoConnections(Hub shared) {
        Chromium.requireInstalled();
        hub = shared;
        admin = hub.admin();
        Telemetry.awaitRoutes(admin);
        u = Sites.unique();
        cms = "console-" + u;
        merchant = "console-merchant-" + u;
        viewerName = Users.create(admin, "telconsoleviewer", "viewer");
        plugin = hub.api()
                .withToken(Telemetry.createKey(admin, merchant, XSS_NAME, "console-" + u + "@example.com", null)
                        .path("key")
                        .asText());
        assertStatus(admin.post(Telemetry.VERSIONS, Map.of("cms", cms, "version", LATEST, "is_latest", true)), 201);
        assertStatus(admin.post(Telemetry.VERSIONS, Map.of("cms", cms, "version", OLD)), 201);
        behindId = install("behind", OLD);
        currentId = install("current", LATEST);
        blockId = install("block", LATEST);
        event("behind", "payment_failed", "error", Map.of("note", XSS_EVENT));
        for (int i = 0; i < 3; i++) {
            event("behind", "payment_success", null, Map.of("order", "o-" + i));
        }
        await("the four events of the installation behind")
                .atMost(Duration.ofSeconds(15))
                .until(() -> assertStatus(admin.get(Telemetry.PATH + "/" + behindId), 200)
                                .path("recent_events")
                                .size()
                        >= 4);
        assertStatus(admin.post(Telemetry.MONITORING, Map.of("kind", "hourly")), 200);

        connectionName = "Agency <script>alert(2)</script> blog " + u;
        JsonNode connected = assertStatus(admin.post(Telemetry.CONNECTION_TOKENS, Map.of("name", connectionName)), 201);
        connectedId = connected.path("id").asText();
        connectedToken = connected.path("token").asText();
        ApiResponse beat = wordpressHeartbeat(connectedToken);
        assertThat(beat.status()).as("%s", beat).isEqualTo(200);
        neverId = assertStatus(admin.post(Telemetry.CONNECTION_TOKENS, Map.of("name", "Never " + u)), 201)
                .path("id")
                .asText();
    }

    // ---------------------------------------------------------------- the dashboard

    @Test
    void theDashboardShowsTheStatCardsTheCmsChartAndEachInstallationsRow() {
        JsonNode stats = null;
        Document page = null;
        for (int attempt = 0; attempt < 3 && stats == null; attempt++) {
            JsonNode before = assertStatus(admin.get(Telemetry.STATS), 200);
            page = page(Hub.ADMIN, Hub.ADMIN_PASSWORD, filtered(), "telemetry-dashboard.png");
            // a scheduled run may change the numbers while the page loads; then look again
            if (before.equals(assertStatus(admin.get(Telemetry.STATS), 200))) {
                stats = before;
            }
        }
        assertThat(stats).as("stable stats").isNotNull();

        assertThat(card(page, "active")).isEqualTo(stats.path("active_count").asText());
        assertThat(card(page, "outdated"))
                .isEqualTo(stats.path("outdated_count").asText());
        assertThat(card(page, "high-error-rate"))
                .isEqualTo(stats.path("high_error_rate_count").asText());
        assertThat(card(page, "avg-error-rate"))
                .isEqualTo(percent(stats.path("avg_error_rate").asDouble()));
        assertThat(Long.parseLong(card(page, "outdated"))).isGreaterThanOrEqualTo(1);
        assertThat(element(page, "#sk-telemetry-totals").text())
                .startsWith(stats.path("total_count").asText() + " installations");

        // seed 002's CMS breakdown: this CMS's bar carries its three installations
        List<String> labels =
                page.select("#sk-cms-chart svg text.sk-chart-label").eachText();
        List<String> values =
                page.select("#sk-cms-chart svg text.sk-chart-value").eachText();
        assertThat(labels).contains(cms).hasSameSizeAs(values);
        assertThat(values.get(labels.indexOf(cms))).isEqualTo("3");
        assertThat(page.select("#sk-cms-chart svg rect")).hasSameSizeAs(labels);

        assertThat(element(page, "#sk-installation-total").text()).isEqualTo("3 installations match.");
        Element behind = row(page, behindId);
        assertThat(behind.attr("data-status")).isEqualTo("outdated");
        assertThat(behind.select("td").get(0).selectFirst("a").text()).isEqualTo(XSS_NAME);
        assertThat(behind.select("td").get(1).text()).isEqualTo(cms);
        assertThat(behind.select("td").get(2).selectFirst("a").attr("href"))
                .isEqualTo("https://behind-" + u + ".example.com");
        Element version = behind.selectFirst(".sk-version");
        assertThat(version.text()).isEqualTo(OLD + " → " + LATEST);
        assertThat(version.attr("data-behind")).isEqualTo("true");
        assertThat(behind.select("td").get(3).select(".sk-badge").text()).isEqualTo("patch");
        Element badge = behind.select("td").get(4).selectFirst(".sk-badge");
        assertThat(badge.text()).isEqualTo("outdated");
        assertThat(badge.hasClass("sk-warn"))
                .as("outdated is yellow: %s", badge)
                .isTrue();
        assertThat(behind.selectFirst("td.sk-error-rate").text()).isEqualTo("25 %");
        assertThat(behind.select("td").get(6).text()).matches("just now|\\d+ minutes? ago");
        assertThat(buttons(behind)).containsExactly("notify", "block");

        Element current = row(page, currentId);
        assertThat(current.attr("data-status")).isEqualTo("active");
        assertThat(current.selectFirst(".sk-version").text()).isEqualTo(LATEST);
        assertThat(current.selectFirst(".sk-version").attr("data-behind")).isEqualTo("false");
        assertThat(current.select("td").get(3).text()).contains("up to date");
        Element currentBadge = current.select("td").get(4).selectFirst(".sk-badge");
        assertThat(currentBadge.text()).isEqualTo("active");
        assertThat(currentBadge.hasClass("sk-ok")).isTrue();
        assertThat(current.selectFirst("td.sk-error-rate").text()).isEqualTo("0 %");
        assertThat(buttons(current)).as("nothing to notify about").containsExactly("block");

        Element latest = element(page, "#sk-versions tr[data-cms=" + cms + "][data-version=" + LATEST + "]");
        assertThat(latest.select(".sk-badge").eachText()).contains("latest");
        assertThat(page.selectFirst("#sk-add-version"))
                .as("register form for admins")
                .isNotNull();
    }

    @Test
    void notifyFromTheListSendsTheNoticeThatTheNextHeartbeatCarries() {
        Document page = dom(Hub.ADMIN, Hub.ADMIN_PASSWORD, filtered());
        Element form = row(page, behindId).selectFirst("form[method=post]");

        ApiResponse submitted = submit(admin, form, "notify");

        // a patch upgrade goes in-app only (seed 002's table), and the page returns to the filtered list
        Map<String, String> back = redirect(submitted);
        assertThat(back).containsEntry("msg", "Upgrade notice to " + LATEST + " sent: in-app (pending)");
        assertThat(back).containsEntry("cms", cms).doesNotContainKey("error");
        JsonNode notices = assertStatus(admin.get(Telemetry.PATH + "/" + behindId + "/notifications"), 200);
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.path("channel").asText()).isEqualTo("in-app");
            assertThat(n.path("status").asText()).isEqualTo("pending");
            assertThat(n.path("target_version").asText()).isEqualTo(LATEST);
            assertThat(n.path("sent_by").asText()).isEqualTo(Hub.ADMIN);
        });
        JsonNode reply = Telemetry.beat(plugin, Telemetry.heartbeat(merchant, cms, site("behind"), OLD));
        assertThat(reply.path("notices")).as("%s", reply).singleElement().satisfies(n -> assertThat(
                        n.path("id").asText())
                .isEqualTo(notices.get(0).path("id").asText()));

        Document after = dom(Hub.ADMIN, Hub.ADMIN_PASSWORD, pathOf(submitted));
        assertThat(element(after, ".sk-notice.sk-ok").text()).isEqualTo(back.get("msg"));
        Document detail = dom(Hub.ADMIN, Hub.ADMIN_PASSWORD, PAGE + "?id=" + behindId);
        Element notice = element(
                detail,
                "#sk-notices tr[data-notice-id=" + notices.get(0).path("id").asText() + "]");
        assertThat(notice.text())
                .contains(OLD + " → " + LATEST)
                .contains("in-app")
                .contains("pending");
    }

    @Test
    void blockFromTheListBlocksTheNextHeartbeatAndUnblockOnTheInstallationLiftsIt() {
        Map<String, Object> beat = Telemetry.heartbeat(merchant, cms, site("block"), LATEST);
        Document page = dom(Hub.ADMIN, Hub.ADMIN_PASSWORD, filtered());

        ApiResponse submitted = submit(admin, row(page, blockId).selectFirst("form[method=post]"), "block");

        assertThat(redirect(submitted))
                .containsEntry("msg", "Blocked installation " + blockId + "; its next heartbeat tells the plugin");
        JsonNode reply = Telemetry.beat(plugin, beat);
        assertThat(reply.path("toggles").path("block_plugin").asBoolean())
                .as("%s", reply)
                .isTrue();
        JsonNode detail = assertStatus(admin.get(Telemetry.PATH + "/" + blockId), 200);
        assertThat(detail.path("status").asText()).isEqualTo("blocked");
        assertThat(detail.path("active_toggles")).anySatisfy(t -> {
            assertThat(t.path("toggle_key").asText()).isEqualTo("block_plugin");
            assertThat(t.path("toggle_value").asBoolean()).isTrue();
            assertThat(t.path("updated_by").asText()).isEqualTo(Hub.ADMIN);
        });

        Document blocked = page(Hub.ADMIN, Hub.ADMIN_PASSWORD, PAGE + "?id=" + blockId, "telemetry-blocked.png");
        assertThat(element(blocked, "#sk-installation-title .sk-badge").text()).isEqualTo("blocked");
        assertThat(element(blocked, "#sk-blocked").text()).startsWith("Blocked");
        assertThat(element(blocked, "#sk-active-toggles tr[data-toggle=block_plugin]")
                        .text())
                .contains("on")
                .contains("Blocked from the console");
        Element actions = element(blocked, "#sk-notify");
        assertThat(buttons(actions)).containsExactly("unblock");

        ApiResponse unblocked = submit(admin, actions, "unblock");

        Map<String, String> back = redirect(unblocked);
        assertThat(back)
                .containsEntry("msg", "Unblocked installation " + blockId)
                .containsEntry("id", blockId);
        assertThat(Telemetry.beat(plugin, beat)
                        .path("toggles")
                        .path("block_plugin")
                        .asBoolean())
                .isFalse();
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + blockId), 200)
                        .path("status")
                        .asText())
                .isEqualTo("active");
        Element listed = row(dom(Hub.ADMIN, Hub.ADMIN_PASSWORD, filtered()), blockId);
        assertThat(listed.attr("data-status")).isEqualTo("active");
        assertThat(buttons(listed)).containsExactly("block");
    }

    @Test
    void anActionWithoutTheCsrfTokenOrFromAViewerIsRefusedAndChangesNothing() {
        Document page = dom(Hub.ADMIN, Hub.ADMIN_PASSWORD, filtered());
        Element form = row(page, currentId).selectFirst("form[method=post]");
        String csrf = form.selectFirst("input[name=csrf]").val();
        assertThat(csrf).isNotBlank();

        Map<String, String> noToken = redirect(post(admin, Map.of("plugin", currentId, "action", "block")));
        Map<String, String> wrongToken =
                redirect(post(admin, Map.of("csrf", csrf + "x", "plugin", currentId, "action", "block")));
        Api viewer = hub.api().as(viewerName, Users.PASSWORD);
        Map<String, String> byViewer =
                redirect(post(viewer, Map.of("csrf", csrf, "plugin", currentId, "action", "block")));

        assertThat(noToken.get("error")).isEqualTo("the form has expired; reload the page and try again");
        assertThat(wrongToken.get("error")).isEqualTo("the form has expired; reload the page and try again");
        assertThat(byViewer.get("error")).isEqualTo("this needs the ops role; you have viewer");
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + currentId + "/toggles"), 200))
                .as("no toggle was set")
                .isEmpty();
        assertThat(Telemetry.beat(plugin, Telemetry.heartbeat(merchant, cms, site("current"), LATEST))
                        .path("toggles")
                        .path("block_plugin")
                        .asBoolean())
                .isFalse();

        // a viewer sees the same rows, without buttons or forms
        Document seen = dom(viewerName, Users.PASSWORD, filtered());
        assertThat(row(seen, currentId).selectFirst(".sk-version").text()).isEqualTo(LATEST);
        assertThat(row(seen, behindId).selectFirst("td.sk-error-rate").text()).isEqualTo("25 %");
        assertThat(seen.select("#sk-installations th").eachText()).doesNotContain("Actions");
        assertThat(seen.select("form[method=post]")).isEmpty();
        assertThat(seen.select("input[name=csrf]")).isEmpty();
        assertThat(seen.selectFirst("#sk-add-version")).isNull();
    }

    // ---------------------------------------------------------------- markup in stored strings

    @Test
    void markupInMerchantNamesEventsAndSiteUrlsIsShownAsTextAndNeverRuns() {
        // a site URL with markup does not get in at all
        Map<String, Object> scripted = Telemetry.heartbeat(
                merchant, cms, "https://xss-" + u + ".example.com/?q=<script>alert(1)</script>", OLD);
        assertError(plugin.post(Telemetry.HEARTBEAT, scripted), 400, "invalid_value", "site_url");

        for (String path : List.of(filtered(), PAGE + "?id=" + behindId)) {
            String html = Chromium.dumpDom(hub, Hub.ADMIN, Hub.ADMIN_PASSWORD, path);
            Document page = Jsoup.parse(html);
            assertThat(html).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(page.select("script")).as(path).noneSatisfy(script -> assertThat(script.data())
                    .contains("alert(1)"));
            assertThat(page.select("img[onerror]")).as(path).isEmpty();
            assertThat(page.body().hasAttr("data-pwned"))
                    .as("an injected handler ran on %s", path)
                    .isFalse();
            assertThat(page.text()).as(path).contains(XSS_NAME);
            if (path.contains("?id=")) {
                assertThat(element(page, "#sk-installation-title").text()).startsWith(XSS_NAME + " · " + cms);
                assertThat(page.select("#sk-events tr[data-event-id]").eachText())
                        .anySatisfy(text -> assertThat(text).contains("note=" + XSS_EVENT));
            }
        }
    }

    // ---------------------------------------------------------------- seed 001 connections

    @Test
    void theConnectionsPageShowsConnectedWithTheLastSyncAndNotConnectedForANewToken() {
        Document page = page(Hub.ADMIN, Hub.ADMIN_PASSWORD, CONNECTIONS_PAGE, "connections.png");

        Element connected = element(page, "#sk-connections tr[data-connection-id=" + connectedId + "]");
        assertThat(connected.attr("data-status")).isEqualTo("connected");
        List<String> cells = connected.select("td").eachText();
        assertThat(cells.get(0)).isEqualTo(connectionName);
        assertThat(element(connected, "[data-connected=true]").text()).isEqualTo("✅ Connected");
        assertThat(connected.selectFirst("td a[href^=https]").attr("href")).isEqualTo(site("blog"));
        assertThat(cells.subList(3, 5)).containsExactly("1.1.0", "6.3.1");
        assertThat(element(connected, "td.sk-last-sync").text()).matches(LAST_SYNC);
        assertThat(cells.get(6)).isEqualTo("1");
        String prefix = cells.get(7);
        assertThat(prefix).startsWith("bot_").endsWith("…").doesNotEndWith("……");
        assertThat(connectedToken).startsWith(prefix.substring(0, prefix.length() - 1));
        assertThat(page.html()).doesNotContain(connectedToken);

        Element never = element(page, "#sk-connections tr[data-connection-id=" + neverId + "]");
        assertThat(never.attr("data-status")).isEqualTo("never");
        assertThat(element(never, "[data-connected=false]").text()).isEqualTo("⚪ Not Connected");
        assertThat(element(never, "td.sk-last-sync").text()).isEqualTo("Never synced");

        JsonNode all = assertStatus(admin.get(Telemetry.CONNECTIONS), 200);
        long connectedCount = 0;
        for (JsonNode c : all) {
            connectedCount += "connected".equals(c.path("status").asText()) ? 1 : 0;
        }
        assertThat(element(page, "#sk-connection-counts [data-status=connected] .sk-big")
                        .text())
                .isEqualTo(Long.toString(connectedCount));
        // markup in the name is text
        assertThat(page.select("#sk-connections script")).isEmpty();
        assertThat(page.html()).contains("Agency &lt;script&gt;alert(2)&lt;/script&gt; blog");

        // seed 001's integration card: "✅ Connected", then the site, the version and "Last sync: … ago"
        Document card = dom(Hub.ADMIN, Hub.ADMIN_PASSWORD, CONNECTIONS_PAGE + "?id=" + connectedId);
        assertThat(element(card, "#sk-connection-title").text()).startsWith(connectionName);
        assertThat(element(card, "#sk-wordpress").text())
                .matches("WordPress Integration ✅ Connected Site: " + Pattern.quote(site("blog")) + " Version: 1.1\\.0 "
                        + LAST_SYNC);
        assertThat(element(card, "#sk-revoke")).isNotNull();
    }

    @Test
    void revokeOnTheConnectionsPageRefusesTheTokensHeartbeats() {
        JsonNode issued =
                assertStatus(admin.post(Telemetry.CONNECTION_TOKENS, Map.of("name", "Revoked blog " + u)), 201);
        String id = issued.path("id").asText();
        String token = issued.path("token").asText();
        assertThat(wordpressHeartbeat(token).status()).isEqualTo(200);
        Document page = dom(Hub.ADMIN, Hub.ADMIN_PASSWORD, CONNECTIONS_PAGE);
        Element form = element(page, "#sk-connections tr[data-connection-id=" + id + "] form[method=post]");

        ApiResponse submitted = submit(admin, form, "revoke", CONNECTIONS_PAGE);

        assertThat(redirect(submitted)).containsEntry("msg", "Revoked the token of Revoked blog " + u);
        assertThat(wordpressHeartbeat(token).status()).isEqualTo(401);
        assertThat(assertStatus(admin.get(Telemetry.CONNECTIONS + "/" + id), 200)
                        .path("status")
                        .asText())
                .isEqualTo("revoked");
        Element after = element(
                dom(viewerName, Users.PASSWORD, CONNECTIONS_PAGE), "#sk-connections tr[data-connection-id=" + id + "]");
        assertThat(after.attr("data-status")).isEqualTo("revoked");
        assertThat(element(after, "[data-connected=false]").text()).isEqualTo("⚪ Not Connected");
        assertThat(after.select("form")).as("viewers get no revoke button").isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    private static String install(String name, String version) {
        return Telemetry.beat(plugin, Telemetry.heartbeat(merchant, cms, site(name), version))
                .path("installation_id")
                .asText();
    }

    private static String site(String name) {
        return "https://" + name + "-" + u + ".example.com";
    }

    private static void event(String name, String type, String severity, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchant_id", merchant);
        body.put("cms", cms);
        body.put("site_url", site(name));
        body.put("event_type", type);
        if (severity != null) {
            body.put("severity", severity);
        }
        body.put("event_data", data);
        assertStatus(plugin.post(Telemetry.EVENT, body), 200);
    }

    private static ApiResponse wordpressHeartbeat(String token) {
        String body = "{\"site_url\":\"" + site("blog") + "\",\"plugin_version\":\"1.1.0\",\"wp_version\":\"6.3.1\","
                + "\"is_active\":true}";
        return hub.api()
                .send(hub.api()
                        .request(Telemetry.WORDPRESS_HEARTBEAT)
                        .header("X-Bot-Token", token)
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(body)));
    }

    private static String filtered() {
        return PAGE + "?cms=" + cms;
    }

    private static Document page(String user, String password, String path, String screenshot) {
        Chromium.screenshot(hub, user, password, path, screenshot);
        return dom(user, password, path);
    }

    private static Document dom(String user, String password, String path) {
        return Jsoup.parse(Chromium.dumpDom(hub, user, password, path));
    }

    private static Element element(Element page, String selector) {
        Element element = page.selectFirst(selector);
        assertThat(element).as("%s in %s", selector, page.text()).isNotNull();
        return element;
    }

    private static Element row(Document page, String installation) {
        return element(page, "#sk-installations tr[data-installation-id=" + installation + "]");
    }

    private static String card(Document page, String stat) {
        return element(page, "#sk-telemetry-stats [data-stat=" + stat + "] .sk-big")
                .text();
    }

    /** The actions the buttons of {@code element}'s forms submit. */
    private static List<String> buttons(Element element) {
        return element.select("button[name=action]").eachAttr("value");
    }

    private static ApiResponse submit(Api as, Element form, String action) {
        return submit(as, form, action, PAGE);
    }

    /**
     * Submits {@code form} the way the browser does when its {@code action} button is pressed: its hidden fields
     * (the CSRF token among them) plus the button's name and value, to the page it came from.
     */
    private static ApiResponse submit(Api as, Element form, String action, String page) {
        assertThat(form).as("a form with a %s button", action).isNotNull();
        assertThat(buttons(form)).as("buttons of %s", form).contains(action);
        Elements hidden = form.select("input[type=hidden]");
        assertThat(hidden.eachAttr("name"))
                .as("the form carries the CSRF token")
                .contains("csrf");
        Map<String, String> fields = new LinkedHashMap<>();
        hidden.forEach(input -> fields.put(input.attr("name"), input.val()));
        fields.put("action", action);
        return post(as, fields, page);
    }

    private static ApiResponse post(Api as, Map<String, String> fields) {
        return post(as, fields, PAGE);
    }

    private static ApiResponse post(Api as, Map<String, String> fields, String page) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(Api.encode(name) + "=" + Api.encode(value)));
        return as.send("POST", page, "application/x-www-form-urlencoded", BodyPublishers.ofString(body.toString()));
    }

    /** The query parameters of the redirect a form action ends in (post/redirect/get). */
    private static Map<String, String> redirect(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(302);
        URI location = URI.create(
                response.header("Location").orElseThrow(() -> new AssertionError("no Location in " + response)));
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = location.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String pathOf(ApiResponse redirect) {
        URI location = URI.create(redirect.header("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    /** How the page writes a percentage: at most two decimals, no trailing zeros. */
    private static String percent(double value) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0 %" : rounded.toPlainString() + " %";
    }
}
