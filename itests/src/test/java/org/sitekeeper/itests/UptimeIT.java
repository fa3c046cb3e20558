package org.sitekeeper.itests;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
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
import org.sitekeeper.itests.support.Monitors;
import org.sitekeeper.itests.support.Notifications;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Receiver;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Targets;
import org.sitekeeper.itests.support.Targets.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * Uptime monitoring end to end against real servers on 127.0.0.2: a target that goes away and comes back, one that
 * hangs, one that resets connections, one that answers 500, pages with and without a keyword, an HTTPS server with
 * a self-signed certificate that expires in ten days, and a redirect towards loopback. Checks are driven with
 * {@code POST /monitors/{id}/check} (recorded like scheduled ones), so verdicts follow exactly the checks the test
 * makes; one monitor is left to the scheduler. DOWN, UP and certificate warnings reach a real webhook receiver
 * through a notification rule on {@code sitekeeper/uptime/*}.
 */
@Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class UptimeIT {

    private static final String MONITORS = "/api/v1/monitors";
    private static final String INCIDENTS = "/api/v1/uptime/incidents";
    private static final String HOOK = "/uptime-hook";
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** Long enough that no scheduled check falls inside the test: only the test's own checks count. */
    private static final int QUIET_INTERVAL = 86_400;

    private static Hub hub;
    private static Api admin;
    private static Targets targets;
    private static Receiver receiver;
    private static long channelId;
    private static long ruleId;
    private static Targets.Web scheduledTarget;
    private static long scheduledId;
    private static final List<Long> created = new CopyOnWriteArrayList<>();
    private static final List<Long> sites = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void useSharedHubWithAReceiverAndARule(Hub shared) {
        hub = shared;
        admin = hub.admin();
        // the hub is ready when sites and notifications answer; uptime may still be on its way
        await("uptime routes")
                .atMost(Duration.ofSeconds(60))
                .until(() -> admin.get(MONITORS + "?limit=1").status() == 200);
        targets = new Targets();
        receiver = Receiver.start();
        String u = Sites.unique();
        channelId = Notifications.channel(
                        admin,
                        "webhook",
                        "uptime hook " + u,
                        Map.of("url", receiver.url(HOOK), "secret", Notifications.webhookSecret()))
                .path("id")
                .asLong();
        ruleId = Notifications.rule(
                        admin, "sitekeeper/uptime/*", channelId, List.of(), Map.of("name", "uptime rule " + u))
                .path("id")
                .asLong();
        // left to the scheduler: its first check comes within 30 s of its creation, and the last test looks
        scheduledTarget = targets.web().page("/scheduled", Page.ok("<html>scheduled</html>"));
        scheduledId = create(spec(
                        "name",
                        "scheduled " + u,
                        "url",
                        scheduledTarget.url("/scheduled"),
                        "interval_seconds",
                        30,
                        "timeout_seconds",
                        5))
                .path("id")
                .asLong();
    }

    @AfterAll
    static void cleanUp() {
        if (admin == null) {
            return;
        }
        // the rule first: removing a monitor that is down posts a recovery, which then goes nowhere
        admin.delete(Notifications.RULES + "/" + ruleId);
        admin.delete(Notifications.CHANNELS + "/" + channelId);
        for (long site : sites) { // their monitors go with them
            admin.delete(Sites.path(site) + "?purge=true");
        }
        for (long id : created) {
            admin.delete(MONITORS + "/" + id);
        }
        if (targets != null) {
            targets.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    // ---------------------------------------------------------------- 1. a healthy target

    @Test
    @Order(1)
    void aHealthyTargetIsUpWithItsResponseTimeAndItsResultsListed() {
        Targets.Web web = targets.web().page("/", Page.ok("<html><body>Welcome to the shop</body></html>"));
        String name = "healthy " + Sites.unique();
        ApiResponse response = admin.post(
                MONITORS,
                spec("name", name, "url", web.url("/"), "interval_seconds", QUIET_INTERVAL, "timeout_seconds", 5));
        JsonNode monitor = assertStatus(response, 201);
        long id = monitor.path("id").asLong();
        created.add(id);
        assertThat(response.header("Location").orElse("")).endsWith(MONITORS + "/" + id);
        assertThat(monitor.path("name").asText()).isEqualTo(name);
        assertThat(monitor.path("type").asText()).isEqualTo("http");
        assertThat(monitor.path("url").asText()).isEqualTo(web.url("/"));
        assertThat(monitor.path("state").asText()).isEqualTo("unknown");
        assertThat(monitor.path("enabled").asBoolean()).isTrue();
        assertThat(monitor.path("method").asText()).isEqualTo("GET");
        assertThat(monitor.path("failures_to_down").asInt()).isEqualTo(2);
        assertThat(monitor.path("successes_to_up").asInt()).isEqualTo(1);
        assertThat(monitor.path("last_check_at").isNull()).isTrue();
        assertThat(monitor.path("next_check_at").isNull()).isFalse();

        JsonNode result = checkNow(id);

        assertThat(result.path("monitor_id").asLong()).isEqualTo(id);
        assertThat(result.path("outcome").asText()).isEqualTo("up");
        assertThat(result.path("status_code").asInt()).isEqualTo(200);
        assertThat(result.path("response_ms").isIntegralNumber())
                .as("%s", result)
                .isTrue();
        assertThat(result.path("response_ms").asInt()).isBetween(0, 5_000);
        assertThat(result.path("cause").isNull()).as("%s", result).isTrue();
        assertThat(web.paths()).contains("/");
        JsonNode after = monitor(id);
        assertThat(after.path("state").asText()).isEqualTo("up");
        assertThat(after.path("last_response_ms").asInt())
                .isEqualTo(result.path("response_ms").asInt());
        assertThat(after.path("last_status_code").asInt()).isEqualTo(200);
        assertThat(after.path("last_check_at").asText())
                .isEqualTo(result.path("checked_at").asText());
        assertThat(after.path("last_cause").isNull()).isTrue();
        assertThat(after.path("open_incident_id").isNull()).isTrue();

        JsonNode results = assertStatus(admin.get(MONITORS + "/" + id + "/results"), 200);
        assertThat(results.path("items")).isNotEmpty();
        JsonNode newest = results.path("items").get(0);
        assertThat(newest.path("outcome").asText()).isEqualTo("up");
        assertThat(newest.path("checked_at").asText())
                .isEqualTo(result.path("checked_at").asText());
        assertThat(newest.path("response_ms").asInt())
                .isEqualTo(result.path("response_ms").asInt());

        JsonNode uptime = assertStatus(admin.get(MONITORS + "/" + id + "/uptime"), 200);
        assertThat(windows(uptime.path("stats"))).containsExactly("24h", "7d", "30d", "365d");
        JsonNode day = uptime.path("stats").get(0);
        assertThat(day.path("uptime_percent").asDouble()).isEqualTo(100.0);
        assertThat(day.path("checks").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(day.path("incidents").asLong()).isZero();
        assertThat(uptime.path("days")).hasSize(30);

        JsonNode overview = assertStatus(admin.get("/api/v1/uptime"), 200);
        assertThat(overview.path("up").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(overview.path("total").asLong())
                .isEqualTo(overview.path("up").asLong()
                        + overview.path("down").asLong()
                        + overview.path("unknown").asLong()
                        + overview.path("paused").asLong());
        JsonNode engine = assertStatus(admin.get("/api/v1/uptime/engine"), 200);
        assertThat(engine.path("checks").asLong()).isGreaterThanOrEqualTo(1);
    }

    // ---------------------------------------------------------------- 2. down and back up

    @Test
    @Order(2)
    void aStoppedTargetIsDownAfterTwoFailuresWithOneIncidentAndOneAlertAndItsRecoveryFollowsOnce()
            throws InterruptedException {
        Targets.Web web = targets.web();
        String name = "outage " + Sites.unique();
        long id = createQuiet(name, web.url("/"), Map.of());
        String key = "uptime:" + id;
        assertThat(checkNow(id).path("outcome").asText()).isEqualTo("up");

        web.stop();
        Instant firstFailure = Instant.now().minusSeconds(1);
        JsonNode failed = checkNow(id);
        assertThat(failed.path("outcome").asText()).isEqualTo("down");
        assertThat(failed.path("cause").asText()).isEqualTo("connection");
        assertThat(monitor(id).path("state").asText())
                .as("one failure is not yet an outage")
                .isEqualTo("up");
        assertThat(incidents("monitor_id=" + id).path("total").asLong()).isZero();
        JsonNode confirmed = checkNow(id);
        assertThat(confirmed.path("cause").asText()).isEqualTo("connection");

        JsonNode down = monitor(id);
        assertThat(down.path("state").asText()).isEqualTo("down");
        assertThat(down.path("last_cause").asText()).isEqualTo("connection");
        JsonNode incidents = incidents("monitor_id=" + id);
        assertThat(incidents.path("total").asLong()).isEqualTo(1);
        JsonNode incident = incidents.path("items").get(0);
        assertThat(incident.path("monitor_id").asLong()).isEqualTo(id);
        assertThat(incident.path("monitor_name").asText()).isEqualTo(name);
        assertThat(incident.path("cause").asText()).isEqualTo("connection");
        assertThat(incident.path("ended_at").isNull()).isTrue();
        assertThat(Instant.parse(incident.path("started_at").asText()))
                .isAfterOrEqualTo(firstFailure)
                .isBeforeOrEqualTo(Instant.parse(confirmed.path("checked_at").asText()));
        assertThat(down.path("open_incident_id").asLong())
                .isEqualTo(incident.path("id").asLong());
        assertThat(incidents("open=true&monitor_id=" + id).path("total").asLong())
                .isEqualTo(1);
        assertThat(assertStatus(admin.get("/api/v1/uptime"), 200)
                        .path("open_incidents")
                        .asLong())
                .isGreaterThanOrEqualTo(1);

        await().atMost(DELIVERY).until(() -> sent(key).size() == 1);
        Receiver.Request alert = sent(key).get(0);
        assertThat(alert.json().path("type").asText()).isEqualTo("alert.firing");
        JsonNode fired = alertOf(alert);
        assertThat(fired.path("topic").asText()).isEqualTo("sitekeeper/uptime/DOWN");
        assertThat(fired.path("severity").asText()).isEqualTo("critical");
        assertThat(fired.path("title").asText()).isEqualTo(name + " is down");
        assertThat(fired.path("message").asText()).contains("connection");
        Notifications.awaitDelivery(admin, key, "delivered", DELIVERY);

        web.start();
        JsonNode recovered = checkNow(id);
        assertThat(recovered.path("outcome").asText()).isEqualTo("up");
        JsonNode up = monitor(id);
        assertThat(up.path("state").asText()).isEqualTo("up");
        assertThat(up.path("open_incident_id").isNull()).isTrue();
        assertThat(incidents("open=true&monitor_id=" + id).path("total").asLong())
                .isZero();
        JsonNode closed = incidents("monitor_id=" + id);
        assertThat(closed.path("total").asLong()).isEqualTo(1);
        assertThat(closed.path("items").get(0).path("ended_at").asText())
                .isEqualTo(recovered.path("checked_at").asText());
        assertThat(closed.path("items").get(0).path("duration_seconds").asLong())
                .isGreaterThanOrEqualTo(0);

        await().atMost(DELIVERY).until(() -> sent(key).size() == 2);
        Receiver.Request recovery = sent(key).get(1);
        assertThat(recovery.json().path("type").asText()).isEqualTo("alert.resolved");
        assertThat(alertOf(recovery).path("topic").asText()).isEqualTo("sitekeeper/uptime/UP");
        assertThat(alertOf(recovery).path("title").asText()).isEqualTo(name + " is up again");

        assertThat(checkNow(id).path("outcome").asText()).isEqualTo("up");
        assertThat(checkNow(id).path("outcome").asText()).isEqualTo("up");
        Thread.sleep(2_000); // time enough for a wrong third message to arrive
        assertThat(sent(key)).hasSize(2);
        assertThat(Notifications.deliveries(admin, key)).hasSize(2);
        assertThat(incidents("monitor_id=" + id).path("total").asLong()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- 3. why checks fail

    @Test
    @Order(3)
    void aTargetThatHangsFailsWithTimeoutAtTheMonitorsDeadline() {
        Targets.Raw hanging = targets.hanging();
        long id = createQuiet("hanging " + Sites.unique(), hanging.url("/"), Map.of("timeout_seconds", 1));

        long started = System.nanoTime();
        JsonNode result = checkNow(id);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.path("outcome").asText()).isEqualTo("down");
        assertThat(result.path("cause").asText()).isEqualTo("timeout");
        assertThat(result.path("response_ms").isNull()).isTrue();
        assertThat(hanging.accepted()).as("connections the check made").isGreaterThanOrEqualTo(1);
        assertThat(took)
                .as("a check of a hanging target lasts its timeout")
                .isBetween(Duration.ofMillis(900), Duration.ofSeconds(8));
        assertThat(monitor(id).path("last_cause").asText()).isEqualTo("timeout");
    }

    @Test
    @Order(4)
    void aTargetThatResetsConnectionsFailsWithConnection() {
        Targets.Raw resetting = targets.resetting();
        long id = createQuiet("resetting " + Sites.unique(), resetting.url("/"), Map.of());

        JsonNode result = checkNow(id);

        assertThat(result.path("outcome").asText()).isEqualTo("down");
        assertThat(result.path("cause").asText()).as("%s", result).isEqualTo("connection");
        assertThat(resetting.accepted()).isGreaterThanOrEqualTo(1);
        assertThat(monitor(id).path("last_cause").asText()).isEqualTo("connection");
    }

    @Test
    @Order(5)
    void aServerErrorFailsWithStatusAndAnExpectedStatusCanAcceptIt() {
        Targets.Web web = targets.web().page("/broken", Page.status(500));
        long id = createQuiet("broken " + Sites.unique(), web.url("/broken"), Map.of());

        JsonNode result = checkNow(id);

        assertThat(result.path("outcome").asText()).isEqualTo("down");
        assertThat(result.path("cause").asText()).isEqualTo("status");
        assertThat(result.path("status_code").asInt()).isEqualTo(500);
        assertThat(result.path("detail").asText()).contains("500");
        assertThat(monitor(id).path("last_status_code").asInt()).isEqualTo(500);

        // a monitor that expects the 500 is content with it
        long expecting =
                createQuiet("expects 500 " + Sites.unique(), web.url("/broken"), Map.of("expected_status", "500"));
        JsonNode accepted = checkNow(expecting);
        assertThat(accepted.path("outcome").asText()).isEqualTo("up");
        assertThat(accepted.path("status_code").asInt()).isEqualTo(500);
    }

    @Test
    @Order(6)
    void aMissingKeywordOrAForbiddenOneFailsWithKeyword() {
        Targets.Web web = targets.web()
                .page("/shop", Page.ok("<html><body><h1>Welcome to the shop</h1></body></html>"))
                .page("/blank", Page.ok("<html><body>Fatal error: database gone</body></html>"))
                .page("/maintenance", Page.ok("<html><body>Down for maintenance</body></html>"));
        String u = Sites.unique();

        long present = createQuiet("keyword " + u, web.url("/shop"), Map.of("keyword", "Welcome"));
        long missing = createQuiet("keyword missing " + u, web.url("/blank"), Map.of("keyword", "Welcome"));
        long forbidden = createQuiet(
                "keyword absent " + u,
                web.url("/maintenance"),
                Map.of("keyword", "maintenance", "keyword_absent", true));
        long absentOk = createQuiet(
                "keyword absent ok " + u, web.url("/shop"), Map.of("keyword", "maintenance", "keyword_absent", true));

        assertThat(checkNow(present).path("outcome").asText()).isEqualTo("up");
        JsonNode missed = checkNow(missing);
        assertThat(missed.path("outcome").asText()).isEqualTo("down");
        assertThat(missed.path("cause").asText()).isEqualTo("keyword");
        assertThat(missed.path("status_code").asInt()).isEqualTo(200);
        assertThat(missed.path("detail").asText()).contains("Welcome");
        JsonNode found = checkNow(forbidden);
        assertThat(found.path("outcome").asText()).isEqualTo("down");
        assertThat(found.path("cause").asText()).isEqualTo("keyword");
        assertThat(found.path("detail").asText()).contains("maintenance").contains("absent");
        assertThat(checkNow(absentOk).path("outcome").asText()).isEqualTo("up");
        JsonNode shown = monitor(forbidden);
        assertThat(shown.path("keyword").asText()).isEqualTo("maintenance");
        assertThat(shown.path("keyword_absent").asBoolean()).isTrue();
        assertThat(shown.path("last_cause").asText()).isEqualTo("keyword");
    }

    // ---------------------------------------------------------------- 4. one failure is not an outage

    @Test
    @Order(7)
    void oneFailureAloneIsNotAnOutage() throws InterruptedException {
        Targets.Web web = targets.web().page("/flaky", Page.ok("<html>fine</html>"));
        long id = createQuiet("flaky " + Sites.unique(), web.url("/flaky"), Map.of());
        String key = "uptime:" + id;
        assertThat(checkNow(id).path("outcome").asText()).isEqualTo("up");

        web.page("/flaky", Page.status(503));
        JsonNode failed = checkNow(id);
        assertThat(failed.path("outcome").asText()).isEqualTo("down");
        assertThat(failed.path("cause").asText()).isEqualTo("status");
        JsonNode between = monitor(id);
        assertThat(between.path("state").asText()).isEqualTo("up");
        assertThat(between.path("last_cause").asText()).isEqualTo("status");
        assertThat(between.path("open_incident_id").isNull()).isTrue();

        web.page("/flaky", Page.ok("<html>fine again</html>"));
        assertThat(checkNow(id).path("outcome").asText()).isEqualTo("up");

        JsonNode after = monitor(id);
        assertThat(after.path("state").asText()).isEqualTo("up");
        assertThat(after.path("last_cause").isNull()).isTrue();
        assertThat(incidents("monitor_id=" + id).path("total").asLong()).isZero();
        Thread.sleep(2_000); // time enough for a wrong alert to arrive
        assertThat(sent(key)).isEmpty();
        assertThat(Notifications.deliveries(admin, key)).isEmpty();
        List<String> outcomes = new ArrayList<>();
        assertStatus(admin.get(MONITORS + "/" + id + "/results"), 200)
                .path("items")
                .forEach(r -> outcomes.add(r.path("outcome").asText()));
        assertThat(outcomes).containsExactly("up", "down", "up");
    }

    // ---------------------------------------------------------------- 5. certificates

    @Test
    @Order(8)
    void aSelfSignedCertificateIsDownUnlessIgnoredAndItsNearExpiryIsAnnouncedOnce() throws InterruptedException {
        Path dir = Path.of(System.getProperty("sitekeeper.instances")).resolveSibling("uptime-tls");
        Targets.Web tls = targets.https(dir, 10);
        Instant expires = Targets.notAfter(dir);
        String u = Sites.unique();

        long strict = createQuiet("tls strict " + u, tls.url("/"), Map.of());
        JsonNode refused = checkNow(strict);
        assertThat(refused.path("outcome").asText()).isEqualTo("down");
        assertThat(refused.path("cause").asText()).as("%s", refused).isEqualTo("tls");
        assertThat(refused.path("detail").asText()).isNotBlank();
        assertThat(checkNow(strict).path("cause").asText()).isEqualTo("tls");
        JsonNode strictMonitor = monitor(strict);
        assertThat(strictMonitor.path("state").asText()).isEqualTo("down");
        assertThat(incidents("open=true&monitor_id=" + strict)
                        .path("items")
                        .get(0)
                        .path("cause")
                        .asText())
                .isEqualTo("tls");
        assertThat(tls.hits())
                .as("no request goes over a connection the hub does not trust")
                .isZero();

        long lenient = createQuiet("tls lenient " + u, tls.url("/"), Map.of("ignore_tls_errors", true));
        JsonNode accepted = checkNow(lenient);
        assertThat(accepted.path("outcome").asText()).as("%s", accepted).isEqualTo("up");
        assertThat(accepted.path("status_code").asInt()).isEqualTo(200);
        assertThat(tls.hits()).isGreaterThanOrEqualTo(1);
        assertThat(Instant.parse(accepted.path("certificate_expires_at").asText()))
                .isEqualTo(expires);
        JsonNode shown = monitor(lenient);
        assertThat(shown.path("state").asText()).isEqualTo("up");
        assertThat(shown.path("ignore_tls_errors").asBoolean()).isTrue();
        assertThat(Instant.parse(shown.path("certificate_expires_at").asText())).isEqualTo(expires);
        assertThat(shown.path("certificate_days_left").asInt()).isBetween(9, 10);

        String key = "uptime-cert:" + lenient;
        await().atMost(DELIVERY).until(() -> sent(key).size() == 1);
        JsonNode warning = alertOf(sent(key).get(0));
        assertThat(warning.path("topic").asText()).isEqualTo("sitekeeper/uptime/CERT_EXPIRING");
        assertThat(warning.path("severity").asText()).isEqualTo("warning");
        assertThat(warning.path("title").asText()).contains("tls lenient " + u).contains("expires in 9 days");
        Notifications.awaitDelivery(admin, key, "delivered", DELIVERY);

        assertThat(checkNow(lenient).path("outcome").asText()).isEqualTo("up");
        assertThat(checkNow(lenient).path("outcome").asText()).isEqualTo("up");
        Thread.sleep(2_000); // time enough for a repeated warning to arrive
        assertThat(sent(key)).as("the warning is not repeated at every check").hasSize(1);
        assertThat(Notifications.deliveries(admin, key)).hasSize(1);
    }

    // ---------------------------------------------------------------- 6. refused targets and bad input

    @Test
    @Order(9)
    void targetsTheEgressPolicyRefusesAndInvalidSettingsAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = monitorCount();
        String port = Integer.toString(hub.httpPort());
        SoftAssertions soft = new SoftAssertions();
        List<Map<String, Object>> refused = List.of(
                spec("url", "http://169.254.169.254/latest/meta-data/"),
                spec("url", "http://127.0.0.1:" + port + "/api/v1/system/health"),
                spec("url", "http://localhost:" + port + "/"),
                spec("url", "http://2130706433/"),
                spec("url", "http://0177.0.0.1/"),
                spec("url", "http://[::ffff:127.0.0.1]:" + port + "/"),
                spec("url", "http://[::1]:" + port + "/"),
                spec("type", "tcp", "url", "tcp://10.0.0.1:22"),
                spec("type", "tcp", "url", "127.0.0.1:" + port));
        for (Map<String, Object> body : refused) {
            ApiResponse response = admin.post(MONITORS, body);
            if (response.status() == 201) {
                created.add(response.json().path("id").asLong());
            }
            soft.assertThat(response.status()).as("%s", response).isEqualTo(400);
            soft.assertThat(
                            response.status() == 400
                                    ? response.json().path("field").asText()
                                    : null)
                    .as("field of %s", response)
                    .isEqualTo("url");
            soft.assertThat(response.body()).as("%s", response).doesNotContain("Exception");
        }
        String ok = targets.web().url("/");
        Map<String, String> invalid = new LinkedHashMap<>();
        List<Map<String, Object>> bodies = new ArrayList<>();
        bodies.add(spec("url", ok, "expected_status", "abc"));
        invalid.put("expected_status abc", "expected_status");
        bodies.add(spec("url", ok, "expected_status", "200-99"));
        invalid.put("expected_status 200-99", "expected_status");
        bodies.add(spec("url", ok, "interval_seconds", 10));
        invalid.put("interval 10", "interval_seconds");
        bodies.add(spec("url", ok, "timeout_seconds", 0));
        invalid.put("timeout 0", "timeout_seconds");
        bodies.add(spec("url", ok, "timeout_seconds", 61));
        invalid.put("timeout 61", "timeout_seconds");
        bodies.add(spec("url", ok, "timeout_seconds", 30, "interval_seconds", 30));
        invalid.put("timeout = interval", "timeout_seconds");
        bodies.add(spec("url", ok, "type", "ftp"));
        invalid.put("type ftp", "type");
        bodies.add(spec("url", ok, "method", "DELETE"));
        invalid.put("method DELETE", "method");
        bodies.add(spec("url", ok, "keyword_absent", true));
        invalid.put("keyword_absent without keyword", "keyword_absent");
        bodies.add(spec("url", ok, "failures_to_down", 0));
        invalid.put("failures_to_down 0", "failures_to_down");
        bodies.add(spec("url", "ftp://" + Notifications.RECEIVER_HOST + "/"));
        invalid.put("ftp url", "url");
        bodies.add(spec("url", ok, "interval", 60));
        invalid.put("unknown property", "interval");
        List<String> cases = new ArrayList<>(invalid.keySet());
        for (int i = 0; i < bodies.size(); i++) {
            ApiResponse response = admin.post(MONITORS, bodies.get(i));
            if (response.status() == 201) {
                created.add(response.json().path("id").asLong());
            }
            soft.assertThat(response.status())
                    .as("%s: %s", cases.get(i), response)
                    .isEqualTo(400);
            soft.assertThat(
                            response.status() == 400
                                    ? response.json().path("field").asText()
                                    : null)
                    .as("field of %s: %s", cases.get(i), response)
                    .isEqualTo(invalid.get(cases.get(i)));
        }
        ApiResponse noUrl = admin.post(MONITORS, spec("name", "no url"));
        soft.assertThat(noUrl.status()).as("%s", noUrl).isEqualTo(400);
        soft.assertThat(noUrl.body()).as("%s", noUrl).contains("\"field\":\"url\"");
        soft.assertThat(monitorCount()).as("monitors stored after refusals").isEqualTo(before);
        soft.assertAll();
    }

    @Test
    @Order(10)
    void aRedirectTowardsLoopbackFailsAsRefusedWhileARedirectOnTheAllowedHostIsFollowed() {
        String loopback = "http://127.0.0.1:" + hub.httpPort() + "/api/v1/system/health";
        Targets.Web web = targets.web()
                .page("/to-loopback", Page.redirect(loopback))
                .page("/moved", Page.redirect("/here"))
                .page("/here", Page.ok("<html>here</html>"));
        String u = Sites.unique();

        long followed = createQuiet("redirect ok " + u, web.url("/moved"), Map.of());
        assertThat(checkNow(followed).path("outcome").asText()).isEqualTo("up");
        assertThat(web.paths()).containsSubsequence("/moved", "/here");

        long id = createQuiet("redirect to loopback " + u, web.url("/to-loopback"), Map.of());
        JsonNode result = checkNow(id);

        assertThat(web.paths()).contains("/to-loopback");
        assertThat(result.path("outcome").asText()).as("%s", result).isEqualTo("down");
        assertThat(result.path("cause").asText()).as("%s", result).isEqualTo("refused");
        assertThat(result.path("status_code").isNull()).isTrue();
        JsonNode shown = monitor(id);
        assertThat(shown.path("state").asText()).isNotEqualTo("up");
        assertThat(shown.path("last_cause").asText()).isEqualTo("refused");
    }

    // ---------------------------------------------------------------- 7. sites get monitors

    @Test
    @Order(11)
    void anActiveSiteGetsADefaultMonitorAndAnUptimePage() throws InterruptedException {
        Targets.Web web = targets.web().page("/", Page.ok("<html>site</html>"));
        Targets.Web pendingWeb = targets.web();
        String u = Sites.unique();
        long pending = Sites.create(admin, Map.of("url", pendingWeb.url(""), "name", "pending " + u))
                .path("id")
                .asLong();
        JsonNode site = Sites.create(admin, Map.of("url", web.url(""), "name", "site " + u, "status", "active"));
        long siteId = site.path("id").asLong();
        sites.add(pending);
        sites.add(siteId);

        JsonNode[] monitors = new JsonNode[1];
        await("the site's monitor").atMost(Duration.ofSeconds(20)).until(() -> {
            monitors[0] = assertStatus(admin.get(MONITORS + "?site_id=" + siteId), 200);
            return monitors[0].path("total").asLong() >= 1;
        });
        Thread.sleep(1_000); // time enough for a second monitor to appear if the site got two
        monitors[0] = assertStatus(admin.get(MONITORS + "?site_id=" + siteId + "&limit=100"), 200);
        List<Long> ids = new ArrayList<>();
        monitors[0].path("items").forEach(m -> ids.add(m.path("id").asLong()));
        created.addAll(ids);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(monitors[0].path("items"))
                .as("monitors of the site %s: %s", siteId, monitors[0])
                .hasSize(1);
        JsonNode monitor = monitors[0].path("items").get(0);
        long id = monitor.path("id").asLong();
        assertThat(monitor.path("site_id").asLong()).isEqualTo(siteId);
        assertThat(monitor.path("type").asText()).isEqualTo("http");
        assertThat(monitor.path("url").asText()).startsWith(site.path("url").asText());
        assertThat(monitor.path("enabled").asBoolean()).isTrue();
        assertThat(monitor.path("interval_seconds").asInt()).isEqualTo(300);
        // a pending site gets none (its event came first)
        assertThat(assertStatus(admin.get(MONITORS + "?site_id=" + pending), 200)
                        .path("total")
                        .asLong())
                .isZero();
        assertError(admin.get(Sites.path(pending) + "/uptime"), 404, "not_found", null);

        for (long each : ids) { // every monitor of the site, should it have more than one
            JsonNode result = checkNow(each);
            assertThat(result.path("outcome").asText()).isEqualTo("up");
        }
        assertThat(web.hits()).isGreaterThanOrEqualTo(1);

        JsonNode page = assertStatus(admin.get(Sites.path(siteId) + "/uptime"), 200);
        assertThat(page.path("site_id").asLong()).isEqualTo(siteId);
        assertThat(page.path("state").asText()).isEqualTo("up");
        assertThat(page.path("monitors").findValuesAsText("id"))
                .containsExactlyElementsOf(ids.stream().map(String::valueOf).toList());
        assertThat(windows(page.path("stats"))).containsExactly("24h", "7d", "30d", "365d");
        for (JsonNode window : page.path("stats")) {
            assertThat(window.path("uptime_percent").asDouble())
                    .as("%s", window)
                    .isEqualTo(100.0);
            assertThat(window.path("checks").asLong()).as("%s", window).isGreaterThanOrEqualTo(1);
        }
        assertThat(page.path("incidents")).isEmpty();
        JsonNode days = page.path("days");
        assertThat(days).hasSize(30);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(days.get(29).path("day").asText()).isEqualTo(today.toString());
        assertThat(days.get(0).path("day").asText())
                .isEqualTo(today.minusDays(29).toString());
        assertThat(days.get(29).path("checks").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(days.get(29).path("uptime_percent").asDouble()).isEqualTo(100.0);
        assertThat(days.get(0).path("checks").asLong()).isZero();
        assertThat(days.get(0).path("uptime_percent").isNull()).isTrue();
        soft.assertAll();
    }

    // ---------------------------------------------------------------- 8. pause and delete

    @Test
    @Order(12)
    void aPausedMonitorIsNotCheckedAndADeletedOneIsGone() {
        Targets.Web web = targets.web();
        long id = createQuiet("paused " + Sites.unique(), web.url("/"), Map.of());
        assertThat(checkNow(id).path("outcome").asText()).isEqualTo("up");

        JsonNode paused = assertStatus(admin.patch(MONITORS + "/" + id, Map.of("enabled", false)), 200);
        assertThat(paused.path("enabled").asBoolean()).isFalse();
        assertThat(paused.path("state").asText()).isEqualTo("paused");
        assertThat(paused.path("next_check_at").isNull()).isTrue();
        assertThat(monitor(id).path("state").asText()).isEqualTo("paused");
        assertThat(assertStatus(admin.get(MONITORS + "?state=paused&limit=200"), 200)
                        .path("items")
                        .findValuesAsText("id"))
                .contains(Long.toString(id));
        int hits = web.hits();
        assertError(admin.post(MONITORS + "/" + id + "/check", Map.of()), 409, "conflict", "id");
        assertThat(web.hits()).isEqualTo(hits);

        JsonNode resumed = assertStatus(admin.patch(MONITORS + "/" + id, Map.of("enabled", true)), 200);
        assertThat(resumed.path("enabled").asBoolean()).isTrue();
        // a resumed monitor starts afresh: no verdict until its next check
        assertThat(resumed.path("state").asText()).isEqualTo("unknown");
        assertThat(resumed.path("next_check_at").isNull()).isFalse();

        ApiResponse deleted = admin.delete(MONITORS + "/" + id);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertError(admin.get(MONITORS + "/" + id), 404, "not_found", null);
        assertError(admin.get(MONITORS + "/" + id + "/results"), 404, "not_found", null);
        assertError(admin.post(MONITORS + "/" + id + "/check", Map.of()), 404, "not_found", null);
        assertError(admin.delete(MONITORS + "/" + id), 404, "not_found", null);
    }

    @Test
    @Order(13)
    void pausingADownMonitorResolvesItsAlertAndResumingItWhileStillDownAlertsAgain() throws InterruptedException {
        Targets.Web web = targets.web();
        String name = "paused while down " + Sites.unique();
        long id = createQuiet(name, web.url("/"), Map.of());
        String key = "uptime:" + id;
        assertThat(checkNow(id).path("outcome").asText()).isEqualTo("up");
        web.stop();
        checkNow(id);
        checkNow(id);
        assertThat(monitor(id).path("state").asText()).isEqualTo("down");
        await().atMost(DELIVERY).until(() -> sent(key).size() == 1);

        assertStatus(admin.patch(MONITORS + "/" + id, Map.of("enabled", false)), 200);

        await().atMost(DELIVERY).until(() -> sent(key).size() == 2);
        assertThat(sent(key).get(1).json().path("type").asText()).isEqualTo("alert.resolved");
        assertThat(alertOf(sent(key).get(1)).path("title").asText()).isEqualTo(name + " is no longer monitored");
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(incidents("open=true&monitor_id=" + id).path("total").asLong())
                .as("incidents still open once the monitor is paused and its alert resolved")
                .isZero();

        // resumed while the target is still down: it is down again, and somebody must hear of it
        assertStatus(admin.patch(MONITORS + "/" + id, Map.of("enabled", true)), 200);
        checkNow(id);
        checkNow(id);
        soft.assertThat(monitor(id).path("state").asText()).isEqualTo("down");
        Thread.sleep(3_000);
        soft.assertThat(sent(key))
                .as("alerts for %s after it was resumed while still down", key)
                .hasSize(3);
        soft.assertAll();
    }

    // ---------------------------------------------------------------- the scheduler

    @Test
    @Order(14)
    void theSchedulerChecksAMonitorNobodyAskedToCheck() {
        JsonNode[] monitor = new JsonNode[1];
        await("a scheduled check").atMost(Duration.ofSeconds(45)).until(() -> {
            monitor[0] = monitor(scheduledId);
            return !monitor[0].path("last_check_at").isNull();
        });
        assertThat(monitor[0].path("state").asText()).isEqualTo("up");
        assertThat(scheduledTarget.paths()).contains("/scheduled");
        Instant last = Instant.parse(monitor[0].path("last_check_at").asText());
        Instant next = Instant.parse(monitor[0].path("next_check_at").asText());
        // the next check is the monitor's first slot at least half an interval (15 s) after this one
        assertThat(next).isAfter(last.plusSeconds(14)).isBeforeOrEqualTo(last.plusSeconds(46));
        JsonNode results = assertStatus(admin.get(MONITORS + "/" + scheduledId + "/results"), 200);
        assertThat(results.path("items")).isNotEmpty();
        assertThat(results.path("items").get(0).path("outcome").asText()).isEqualTo("up");
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> spec(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static JsonNode create(Map<String, Object> body) {
        ApiResponse response = admin.post(MONITORS, body);
        JsonNode monitor = assertStatus(response, 201);
        created.add(monitor.path("id").asLong());
        return monitor;
    }

    /** A monitor only the test's own checks look at: a day between scheduled checks. */
    private static long createQuiet(String name, String url, Map<String, Object> extra) {
        Map<String, Object> body = spec("name", name, "url", url, "interval_seconds", QUIET_INTERVAL);
        body.put("timeout_seconds", 5);
        body.putAll(extra);
        return create(body).path("id").asLong();
    }

    private static JsonNode checkNow(long id) {
        return Monitors.checkNow(admin, id);
    }

    private static JsonNode monitor(long id) {
        return assertStatus(admin.get(MONITORS + "/" + id), 200);
    }

    private static JsonNode incidents(String query) {
        return assertStatus(admin.get(INCIDENTS + "?" + query), 200);
    }

    private static long monitorCount() {
        return assertStatus(admin.get(MONITORS + "?limit=1"), 200).path("total").asLong();
    }

    private static List<String> windows(JsonNode stats) {
        List<String> names = new ArrayList<>();
        stats.forEach(s -> names.add(s.path("window").asText()));
        return names;
    }

    /** The webhook messages about one alert key, in the order received. */
    private static List<Receiver.Request> sent(String alertKey) {
        return receiver.requests(HOOK).stream()
                .filter(r -> {
                    for (JsonNode alert : r.json().path("data").path("alerts")) {
                        if (alertKey.equals(alert.path("alert_key").asText())) {
                            return true;
                        }
                    }
                    return false;
                })
                .toList();
    }

    private static JsonNode alertOf(Receiver.Request request) {
        return request.json().path("data").path("alerts").get(0);
    }
}
