package org.sitekeeper.itests;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
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
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.ShellResult;
import org.sitekeeper.itests.support.Sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * A capability can be removed and added back while the hub runs: uninstalling the sitekeeper-sites feature takes
 * its REST routes, health entry, OpenAPI description and console page away and leaves the hub serving; installing
 * it again brings them back with the data. Notifications and uptime monitoring come and go the same way. The tests run in order; the class puts the feature back even when they
 * fail.
 */
@Order(7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class FeatureRemovalIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String SITES_PAGE = "/system/console/sites";
    private static final String OVERVIEW_PAGE = "/system/console/sitekeeper";
    private static final String MONITORS = "/api/v1/monitors";
    private static final String UPTIME_PAGE = "/system/console/sitekeeper-uptime";

    private static Hub hub;
    private static Api admin;
    private static JsonNode site;

    @BeforeAll
    static void useSharedHubWithASite(Hub shared) {
        hub = shared;
        admin = hub.admin();
        site = Sites.create(admin, "https://feature-" + Sites.unique() + ".example.org");
    }

    @AfterAll
    static void putTheFeatureBack() {
        if (admin.get(Sites.PATH).status() != 200) {
            hub.sshAdmin("feature:install sitekeeper-sites");
            await().atMost(SETTLE).until(() -> admin.get(Sites.PATH).status() == 200);
        }
        if (admin.get(MONITORS).status() != 200) {
            hub.sshAdmin("feature:install sitekeeper-uptime");
            await().atMost(SETTLE).until(() -> admin.get(MONITORS).status() == 200);
        }
    }

    @Test
    @Order(0)
    void theOpenApiDocumentDescribesEveryServedRouteIncludingTheSites() {
        JsonNode document = openApi();

        assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(document.has("x-undocumented"))
                .as("routes served without a description: %s", document.path("x-undocumented"))
                .isFalse();
        assertThat(document.path("paths").has("/v1/sites")).isTrue();
        assertThat(document.path("paths").path("/v1/sites/{id}").has("patch")).isTrue();
        assertThat(document.path("components").path("schemas").has("Site")).isTrue();
    }

    @Test
    @Order(1)
    void uninstallingTheSitesFeatureTakesAwayItsRoutesHealthEntryAndConsolePageButKeepsTheHub() {
        ShellResult uninstalled = hub.sshAdmin("feature:uninstall sitekeeper-sites");
        assertThat(uninstalled.exitStatus()).as("%s", uninstalled).isZero();

        await().atMost(SETTLE).untilAsserted(() -> assertError(admin.get(Sites.PATH), 404, "not_found", null));
        await().atMost(SETTLE)
                .untilAsserted(() ->
                        assertThat(health().path("capabilities").has("sites")).isFalse());
        assertThat(health().path("status").asText()).isEqualTo("UP");
        await().atMost(SETTLE)
                .untilAsserted(() -> assertThat(admin.get(SITES_PAGE).status()).isEqualTo(404));
        ApiResponse overview = admin.get(OVERVIEW_PAGE);
        assertThat(overview.status()).as("%s", overview).isEqualTo(200);
        JsonNode document = openApi();
        assertThat(document.path("paths").has("/v1/sites")).isFalse();
        assertThat(document.path("paths").has("/v1/users")).isTrue();
        assertThat(document.has("x-undocumented")).isFalse();
    }

    @Test
    @Order(2)
    void installingTheSitesFeatureAgainBringsBackItsRoutesWithTheEarlierSites() {
        ShellResult installed = hub.sshAdmin("feature:install sitekeeper-sites");
        assertThat(installed.exitStatus()).as("%s", installed).isZero();

        long id = site.path("id").asLong();
        await().atMost(SETTLE)
                .untilAsserted(
                        () -> assertThat(admin.get(Sites.path(id)).status()).isEqualTo(200));
        assertThat(assertStatus(admin.get(Sites.path(id)), 200)).isEqualTo(site);
        await().atMost(SETTLE).untilAsserted(() -> assertThat(health().path("capabilities")
                        .path("sites")
                        .path("status")
                        .asText())
                .isEqualTo("UP"));
        await().atMost(SETTLE)
                .untilAsserted(() -> assertThat(admin.get(SITES_PAGE).status()).isEqualTo(200));
        assertThat(openApi().path("paths").has("/v1/sites")).isTrue();
    }

    @Test
    @Order(3)
    void theNotificationsFeatureCanBeRemovedAndAddedBackWithItsChannels() {
        String name = "removal " + Sites.unique();
        JsonNode channel = Notifications.channel(admin, "in_app", name, Map.of());
        assertThat(openApi().path("paths").has("/v1/notifications/channels")).isTrue();

        ShellResult uninstalled = hub.sshAdmin("feature:uninstall sitekeeper-notifications");
        assertThat(uninstalled.exitStatus()).as("%s", uninstalled).isZero();
        try {
            await().atMost(SETTLE)
                    .untilAsserted(() -> assertError(admin.get(Notifications.CHANNELS), 404, "not_found", null));
            await().atMost(SETTLE).untilAsserted(() -> assertThat(
                            health().path("capabilities").has("notifications"))
                    .isFalse());
            // the rest of the hub keeps serving, and events with nobody listening harm nothing
            Sites.create(admin, "https://after-removal-" + Sites.unique() + ".example.org");
            assertThat(health().path("status").asText()).isEqualTo("UP");
            assertThat(openApi().has("x-undocumented")).isFalse();
        } finally {
            ShellResult installed = hub.sshAdmin("feature:install sitekeeper-notifications");
            assertThat(installed.exitStatus()).as("%s", installed).isZero();
        }
        await().atMost(SETTLE).untilAsserted(() -> assertThat(assertStatus(
                                admin.get(Notifications.CHANNELS + "/"
                                        + channel.path("id").asLong()),
                                200)
                        .path("name")
                        .asText())
                .isEqualTo(name));
        await().atMost(SETTLE).untilAsserted(() -> assertThat(health().path("capabilities")
                        .path("notifications")
                        .path("status")
                        .asText())
                .isEqualTo("UP"));
    }

    @Test
    @Order(4)
    void theUptimeFeatureCanBeRemovedWhileSitesKeepAnsweringAndAddedBackWithItsMonitors() {
        String name = "removal monitor " + Sites.unique();
        // paused: nothing to check while the feature comes and goes
        JsonNode monitor = assertStatus(
                admin.post(
                        MONITORS,
                        Map.of(
                                "name",
                                name,
                                "url",
                                "http://" + Notifications.RECEIVER_HOST + ":9/",
                                "interval_seconds",
                                3600,
                                "enabled",
                                false)),
                201);
        long id = monitor.path("id").asLong();
        long[] addedWhileRemoved = new long[1];
        assertThat(openApi().path("paths").has("/v1/monitors")).isTrue();

        ShellResult uninstalled = hub.sshAdmin("feature:uninstall sitekeeper-uptime");
        assertThat(uninstalled.exitStatus()).as("%s", uninstalled).isZero();
        try {
            await().atMost(SETTLE).untilAsserted(() -> assertError(admin.get(MONITORS), 404, "not_found", null));
            assertError(admin.get("/api/v1/uptime"), 404, "not_found", null);
            await().atMost(SETTLE).untilAsserted(() -> assertThat(
                            health().path("capabilities").has("uptime"))
                    .isFalse());
            await().atMost(SETTLE)
                    .untilAsserted(
                            () -> assertThat(admin.get(UPTIME_PAGE).status()).isEqualTo(404));
            // the rest of the hub keeps serving: sites answer, and a new active site simply gets no monitor
            assertStatus(admin.get(Sites.PATH), 200);
            long siteId = Sites.create(
                            admin,
                            Map.of(
                                    "url",
                                    "https://uptime-removal-" + Sites.unique() + ".example.org",
                                    "status",
                                    "active"))
                    .path("id")
                    .asLong();
            addedWhileRemoved[0] = siteId;
            assertThat(health().path("status").asText()).isEqualTo("UP");
            JsonNode document = openApi();
            assertThat(document.path("paths").has("/v1/monitors")).isFalse();
            assertThat(document.path("paths").has("/v1/sites")).isTrue();
            assertThat(document.has("x-undocumented")).isFalse();
        } finally {
            ShellResult installed = hub.sshAdmin("feature:install sitekeeper-uptime");
            assertThat(installed.exitStatus()).as("%s", installed).isZero();
        }
        await().atMost(SETTLE)
                .untilAsserted(() ->
                        assertThat(admin.get(MONITORS + "/" + id).status()).isEqualTo(200));
        JsonNode back = assertStatus(admin.get(MONITORS + "/" + id), 200);
        assertThat(back.path("name").asText()).isEqualTo(name);
        assertThat(back.path("state").asText()).isEqualTo("paused");
        assertThat(back.path("created_at").asText())
                .isEqualTo(monitor.path("created_at").asText());
        await().atMost(SETTLE).untilAsserted(() -> assertThat(health().path("capabilities")
                        .path("uptime")
                        .path("status")
                        .asText())
                .isEqualTo("UP"));
        assertThat(openApi().path("paths").has("/v1/monitors")).isTrue();
        assertStatus(admin.delete(MONITORS + "/" + id), 204);
        // back, uptime catches up with the site that became active while it was away
        try {
            JsonNode[] caughtUp = new JsonNode[1];
            await("a monitor for the site added while uptime was away")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> {
                        caughtUp[0] = assertStatus(admin.get(MONITORS + "?site_id=" + addedWhileRemoved[0]), 200);
                        return caughtUp[0].path("total").asLong() >= 1;
                    });
            assertThat(caughtUp[0].path("total").asLong()).as("%s", caughtUp[0]).isEqualTo(1);
        } finally {
            // its monitors go with it
            admin.delete(Sites.path(addedWhileRemoved[0]) + "?purge=true");
        }
    }

    private static JsonNode openApi() {
        return assertStatus(hub.api().get("/api/v1/openapi.json"), 200);
    }

    private static JsonNode health() {
        return assertStatus(hub.api().get("/api/v1/system/health"), 200);
    }
}
