package org.sitekeeper.itests;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.ApiResponse;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.ShellResult;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Telemetry;
import org.sitekeeper.itests.support.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * The {@code telemetry:*} shell commands over SSH on the real distribution, checked against what the plugin's REST
 * API then answers: a key issued in the shell authenticates real heartbeats, versions registered in the shell make
 * an installation outdated, a toggle set in the shell comes back in the next heartbeat, an upgrade notice sent from
 * the shell rides the next heartbeat, revoked keys and bot tokens are refused; bad input is refused with a sentence
 * (no stack trace) and viewers may look but not change anything.
 *
 * <p>Everything lives under a CMS of its own ({@code shell-<unique>}) and site URLs of its own, so the class does not
 * depend on what other classes leave on the shared hub. Karaf's parser takes options before the arguments only.
 */
@Order(8)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class TelemetryShellIT {

    private static final Pattern KEY_CREATED =
            Pattern.compile("Key (\\S+) for merchant (\\S+) \\((.*)\\) — shown only now:\\n(mk_\\S+)");
    private static final Pattern TOKEN_CREATED =
            Pattern.compile("Connection (\\S+) \\((.*)\\) — token shown only now:\\n(bot_\\S+)");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\(");
    private static final String LAST_SYNC = "Last sync: (just now|\\d+ minutes? ago)";
    private static final String LATEST = "2.0.1";
    private static final String OLD = "2.0.0";

    private static Hub hub;
    private static Api admin;
    private static String u;
    private static String cms;
    private static String merchant;
    private static String merchantName;
    private static String email;
    private static ShellResult keyCreated;
    private static String keyId;
    private static String key;
    private static Api plugin;
    private static ShellResult latestAdded;
    private static ShellResult oldAdded;
    private static String viewer;

    @BeforeAll
    static void aMerchantKeyAndTwoVersionsFromTheShell(Hub shared) {
        hub = shared;
        admin = hub.admin();
        Telemetry.awaitRoutes(admin);
        u = Sites.unique();
        cms = "shell-" + u;
        merchant = "shell-merchant-" + u;
        merchantName = "Shell Shop " + u;
        email = "shell-" + u + "@example.com";
        viewer = Users.create(admin, "telshellviewer", "viewer");

        keyCreated = hub.sshAdmin(
                "telemetry:key-create --phone +221771234567 " + merchant + " '" + merchantName + "' " + email);
        Matcher created = KEY_CREATED.matcher(keyCreated.output());
        assertThat(created.find()).as("%s", keyCreated).isTrue();
        keyId = created.group(1);
        key = created.group(4);
        plugin = hub.api().withToken(key);

        latestAdded = hub.sshAdmin("telemetry:version-add --latest --notes 'Fixes a CSRF' " + cms + " " + LATEST);
        oldAdded = hub.sshAdmin("telemetry:version-add --released-at 2026-01-18T10:00:00Z " + cms + " " + OLD);
    }

    // ---------------------------------------------------------------- keys

    @Test
    void keyCreatePrintsAKeyThatAuthenticatesHeartbeatsAndKeysListsItWithoutTheSecret() {
        assertThat(keyCreated.exitStatus()).as("%s", keyCreated).isEqualTo(0);
        Matcher created = KEY_CREATED.matcher(keyCreated.output());
        assertThat(created.find()).isTrue();
        assertThat(created.group(1)).matches(Telemetry.UUID);
        assertThat(created.group(2)).isEqualTo(merchant);
        assertThat(created.group(3)).isEqualTo(merchantName);

        // the key the shell printed is a working merchant key
        JsonNode reply = Telemetry.beat(plugin, beat("https://key-" + u + ".example.com", LATEST));
        assertThat(reply.path("installation_id").asText()).matches(Telemetry.UUID);

        ShellResult keys = hub.sshAdmin("telemetry:keys --merchant " + merchant);

        List<String> row = cells(keys, keyId);
        assertThat(row).as("%s", keys).hasSize(9);
        assertThat(row.subList(1, 5)).containsExactly(merchant, merchantName, email, "+221771234567");
        String shownPrefix = row.get(5);
        assertThat(shownPrefix).as("key column of %s", keys).startsWith("mk_").endsWith("…");
        assertThat(shownPrefix).as("one ellipsis in %s", keys).doesNotEndWith("……");
        assertThat(key).startsWith(shownPrefix.substring(0, shownPrefix.length() - 1));
        assertThat(row.get(7)).isEqualTo(Hub.ADMIN);
        assertThat(row.get(8)).as("not revoked").isEmpty();
        assertThat(keys.output()).as("the secret in %s", keys).doesNotContain(key);
        // and REST agrees
        JsonNode listed = assertStatus(admin.get(Telemetry.KEYS + "?merchant_id=" + Api.encode(merchant)), 200);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(keyId);
        assertThat(listed.get(0).path("merchant_phone").asText()).isEqualTo("+221771234567");
        assertThat(listed.get(0).path("created_by").asText()).isEqualTo(Hub.ADMIN);
    }

    @Test
    void keyRevokeRefusesTheKeysHeartbeatsAtOnce() {
        String other = "shell-revoked-" + u;
        ShellResult created =
                hub.sshAdmin("telemetry:key-create " + other + " 'Revoked Shop' revoked-" + u + "@example.com");
        Matcher issued = KEY_CREATED.matcher(created.output());
        assertThat(issued.find()).as("%s", created).isTrue();
        Api revokedPlugin = hub.api().withToken(issued.group(4));
        Map<String, Object> body = Telemetry.heartbeat(other, cms, "https://revoked-" + u + ".example.com", LATEST);
        Telemetry.beat(revokedPlugin, body);

        ShellResult revoked = hub.sshAdmin("telemetry:key-revoke " + issued.group(1));

        assertThat(revoked.exitStatus()).as("%s", revoked).isEqualTo(0);
        assertThat(revoked.output()).contains("Revoked merchant key " + issued.group(1));
        assertError(revokedPlugin.post(Telemetry.HEARTBEAT, body), 401, "unauthorized", null);
        ShellResult keys = hub.sshAdmin("telemetry:keys --merchant " + other);
        assertThat(cells(keys, issued.group(1)).get(8))
                .as("revoked column of %s", keys)
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z");
        // the first merchant's key is untouched
        Telemetry.beat(plugin, beat("https://key-" + u + ".example.com", LATEST));
    }

    // ---------------------------------------------------------------- versions

    @Test
    void versionAddRegistersVersionsThatVersionsListsAndVersionRemoveTakesOut() {
        assertThat(latestAdded.exitStatus()).as("%s", latestAdded).isEqualTo(0);
        assertThat(latestAdded.output()).contains("Registered " + cms + " " + LATEST + " (latest)");
        assertThat(oldAdded.output()).as("%s", oldAdded).contains("Registered " + cms + " " + OLD + ";");

        ShellResult versions = hub.sshAdmin("telemetry:versions --cms " + cms);

        List<String> latest = versionRow(versions, LATEST);
        assertThat(latest.get(2)).as("latest column of %s", versions).isEqualTo("yes");
        assertThat(latest.get(4)).as("released").isEqualTo("-");
        assertThat(latest.get(6)).isEqualTo("Fixes a CSRF");
        List<String> old = versionRow(versions, OLD);
        assertThat(old.get(2)).isEmpty();
        assertThat(old.get(4)).isEqualTo("2026-01-18 10:00:00Z");
        JsonNode registry = assertStatus(admin.get(Telemetry.VERSIONS + "?cms=" + cms), 200);
        assertThat(registry).extracting(v -> v.path("version").asText()).containsExactlyInAnyOrder(LATEST, OLD);
        assertThat(registry)
                .filteredOn(v -> v.path("latest").asBoolean())
                .extracting(v -> v.path("version").asText())
                .containsExactly(LATEST);

        ShellResult again = hub.sshAdmin("telemetry:version-add " + cms + " " + LATEST);
        assertRefused(again, cms + " " + LATEST + " is already registered");

        assertThat(hub.sshAdmin("telemetry:version-add " + cms + " 1.9.9").output())
                .contains("Registered " + cms + " 1.9.9");
        ShellResult removed = hub.sshAdmin("telemetry:version-remove " + cms + " 1.9.9");
        assertThat(removed.exitStatus()).as("%s", removed).isEqualTo(0);
        assertThat(removed.output()).contains("Removed " + cms + " 1.9.9 from the registry");
        assertThat(assertStatus(admin.get(Telemetry.VERSIONS + "?cms=" + cms), 200))
                .extracting(v -> v.path("version").asText())
                .containsExactlyInAnyOrder(LATEST, OLD);
        assertThat(hub.sshAdmin("telemetry:versions --cms " + cms).output()).doesNotContain("1.9.9");
    }

    // ---------------------------------------------------------------- list, show, run

    @Test
    void listAndShowPrintAnInstallationThatSentHeartbeatsAndEvents() {
        String site = "https://list-" + u + ".example.com";
        String id =
                Telemetry.beat(plugin, beat(site, OLD)).path("installation_id").asText();
        event(site, "payment_failed", "error");
        for (int i = 0; i < 3; i++) {
            event(site, "payment_success", null);
        }
        await("four events stored")
                .atMost(Duration.ofSeconds(15))
                .until(() -> assertStatus(admin.get(Telemetry.PATH + "/" + id), 200)
                                .path("recent_events")
                                .size()
                        >= 4);

        ShellResult run = hub.sshAdmin("telemetry:run hourly");

        assertThat(run.exitStatus()).as("%s", run).isEqualTo(0);
        assertThat(run.output())
                .as("%s", run)
                .containsPattern("hourly run: [1-9]\\d* installations, \\d+ marked outdated, \\d+ marked stale, "
                        + "[1-9]\\d* error rates updated, \\d+ metrics recorded, \\d+ notices sent in \\d+ ms");

        ShellResult listed = hub.sshAdmin("telemetry:list --cms " + cms + " --query list-" + u);

        List<String> row = cells(listed, id);
        assertThat(row).as("%s", listed).hasSize(9);
        assertThat(row.subList(1, 8))
                .containsExactly(merchantName, cms, site, OLD + " → " + LATEST, "patch", "outdated", "25 %");
        assertThat(row.get(8)).isEqualTo("just now");
        assertThat(listed.output()).contains("1 of 1 installations");
        // the same filters as REST's list
        assertThat(Telemetry.listAll(admin, "cms=" + cms + "&q=list-" + u))
                .singleElement()
                .satisfies(i -> assertThat(i.path("id").asText()).isEqualTo(id));

        ShellResult shown = hub.sshAdmin("telemetry:show " + id);

        assertThat(shown.exitStatus()).as("%s", shown).isEqualTo(0);
        assertThat(shown.output())
                .as("%s", shown)
                .containsPattern(field("Id", id))
                .containsPattern(field("Merchant", merchantName + " (" + merchant + ")"))
                .containsPattern(field("Merchant email", email))
                .containsPattern(field("CMS", cms))
                .containsPattern(field("Site", site))
                .containsPattern(field("Version", OLD + " → " + LATEST))
                .containsPattern(field("Latest version", LATEST))
                .containsPattern(field("Upgrade", "patch"))
                .containsPattern(field("Status", "outdated"))
                .containsPattern(field("Error rate (24 h)", "25 % (1 errors of 4 events)"))
                .containsPattern(field("Errors last hour", "0.5"))
                .containsPattern(field("Heartbeats", "1"))
                .containsPattern(field("Environment", "production"))
                .containsPattern(field("PHP", "8.1.0"))
                .containsPattern(field("WordPress", "6.4"))
                .contains("No toggle in force.")
                .contains("Recent events:")
                .containsPattern("(?m)^.*\\|\\s*payment_failed\\s*\\|\\s*error\\s*\\|.*order=shell-" + u)
                .containsPattern("(?m)^.*\\|\\s*payment_success\\s*\\|\\s*info\\s*\\|")
                .contains("No upgrade notices sent.");
    }

    // ---------------------------------------------------------------- toggles

    @Test
    void aToggleSetInTheShellComesBackInTheNextHeartbeat() {
        Map<String, Object> body = beat("https://toggle-" + u + ".example.com", LATEST);
        JsonNode first = Telemetry.beat(plugin, body);
        String id = first.path("installation_id").asText();
        assertThat(first.path("toggles").path("block_plugin").asBoolean()).isFalse();

        ShellResult blocked = hub.sshAdmin("telemetry:toggle --reason 'Leaking errors' " + id + " block_plugin on");

        assertThat(blocked.exitStatus()).as("%s", blocked).isEqualTo(0);
        assertThat(blocked.output()).contains("Set block_plugin to on for installation " + id);
        JsonNode reply = Telemetry.beat(plugin, body);
        assertThat(reply.path("toggles").path("block_plugin").asBoolean())
                .as("%s", reply)
                .isTrue();
        assertThat(reply.path("toggles").path("enable_debug").asBoolean()).isFalse();
        ShellResult shown = hub.sshAdmin("telemetry:show " + id);
        assertThat(shown.output())
                .as("%s", shown)
                .containsPattern(field("Status", "blocked"))
                .contains("Toggles in force:")
                .containsPattern(
                        "(?m)^block_plugin\\s*\\|\\s*on\\s*\\|\\s*yes\\s*\\|\\s*Leaking errors\\s*\\|\\s*admin\\s*\\|"
                                + ".*\\|\\s*never\\s*$");
        assertThat(cells(hub.sshAdmin("telemetry:list --status blocked --query toggle-" + u), id))
                .contains("blocked");

        // a toggle with an expiry and one with a rate: both answered while in force
        ShellResult debug =
                hub.sshAdmin("telemetry:toggle --expires-at 2099-01-31T12:00:00Z " + id + " enable_debug on");
        assertThat(debug.output())
                .as("%s", debug)
                .contains("Set enable_debug to on for installation " + id + " until 2099-01-31 12:00:00Z");
        ShellResult limited = hub.sshAdmin("telemetry:toggle --rate 1000 " + id + " rate_limit on");
        assertThat(limited.output())
                .as("%s", limited)
                .contains("Set rate_limit to on for installation " + id + " (1000/min)");
        ShellResult lifted = hub.sshAdmin("telemetry:toggle " + id + " block_plugin off");
        assertThat(lifted.output()).as("%s", lifted).contains("Set block_plugin to off for installation " + id);

        JsonNode after = Telemetry.beat(plugin, body);
        assertThat(after.path("toggles").path("block_plugin").asBoolean())
                .as("%s", after)
                .isFalse();
        assertThat(after.path("toggles").path("enable_debug").asBoolean())
                .as("%s", after)
                .isTrue();
        assertThat(after.path("toggles").path("rate_limit").asBoolean())
                .as("%s", after)
                .isTrue();
        JsonNode history = assertStatus(admin.get(Telemetry.PATH + "/" + id + "/toggles"), 200);
        assertThat(history).hasSize(4);
        assertThat(history.get(0).path("toggle_key").asText())
                .as("newest first: %s", history)
                .isEqualTo("block_plugin");
        assertThat(history.get(0).path("toggle_value").asBoolean()).isFalse();
        assertThat(history)
                .filteredOn(t -> t.path("toggle_key").asText().equals("rate_limit"))
                .singleElement()
                .satisfies(t -> assertThat(t.path("rate_per_minute").asInt()).isEqualTo(1000));
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id), 200)
                        .path("status")
                        .asText())
                .isEqualTo("active");
    }

    // ---------------------------------------------------------------- upgrade notices

    @Test
    void notifySendsAnInAppNoticeThatRidesTheNextHeartbeat() {
        Map<String, Object> body = beat("https://notify-" + u + ".example.com", OLD);
        String id = Telemetry.beat(plugin, body).path("installation_id").asText();

        ShellResult notified = hub.sshAdmin("telemetry:notify " + id);

        assertThat(notified.exitStatus()).as("%s", notified).isEqualTo(0);
        // a patch upgrade: seed 002's table sends it in-app only
        assertThat(notified.output())
                .as("%s", notified)
                .contains("Sent 1 upgrade notice (" + OLD + " → " + LATEST + ", patch): in-app pending");
        JsonNode reply = Telemetry.beat(plugin, body);
        assertThat(reply.path("notices")).as("%s", reply).singleElement().satisfies(n -> {
            assertThat(n.path("channel").asText()).isEqualTo("in-app");
            assertThat(n.path("current_version").asText()).isEqualTo(OLD);
            assertThat(n.path("target_version").asText()).isEqualTo(LATEST);
            assertThat(n.path("sent_by").asText()).isEqualTo(Hub.ADMIN);
        });
        String notice = reply.path("notices").get(0).path("id").asText();
        ShellResult shown = hub.sshAdmin("telemetry:show " + id);
        assertThat(shown.output())
                .as("%s", shown)
                .contains("Upgrade notices:")
                .containsPattern("(?m)^" + notice + "\\s*\\|.*\\|\\s*" + Pattern.quote(OLD + " → " + LATEST)
                        + "\\s*\\|\\s*patch\\s*\\|\\s*in-app\\s*\\|\\s*low\\s*\\|\\s*pending\\s*\\|");

        // an installation on the latest version has nothing to be told
        String current = Telemetry.beat(plugin, beat("https://current-" + u + ".example.com", LATEST))
                .path("installation_id")
                .asText();
        assertRefused(hub.sshAdmin("telemetry:notify " + current), "the installation is on the latest version");
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + current + "/notifications"), 200))
                .isEmpty();
    }

    // ---------------------------------------------------------------- seed 001 connections

    @Test
    void aBotTokenFromTheShellConnectsWordPressAndIsRevokedFromTheShell() {
        String name = "Shell blog " + u;
        ShellResult created = hub.sshAdmin("telemetry:connection-token '" + name + "'");
        Matcher issued = TOKEN_CREATED.matcher(created.output());
        assertThat(issued.find()).as("%s", created).isTrue();
        String id = issued.group(1);
        String token = issued.group(3);
        assertThat(issued.group(2)).isEqualTo(name);
        String site = "https://blog-" + u + ".example.com";

        ApiResponse beat = wordpressHeartbeat(token, site);

        assertThat(beat.status()).as("%s", beat).isEqualTo(200);
        assertThat(beat.json().path("success").asBoolean()).isTrue();
        ShellResult connections = hub.sshAdmin("telemetry:connections");
        List<String> row = cells(connections, id);
        assertThat(row).as("%s", connections).hasSize(10);
        assertThat(row.subList(1, 7)).containsExactly(name, "Connected", "connected", site, "1.1.0", "6.3.1");
        assertThat(row.get(7)).matches(LAST_SYNC);
        assertThat(row.get(8)).isEqualTo("1");
        String shownPrefix = row.get(9);
        assertThat(shownPrefix)
                .as("token column of %s", connections)
                .startsWith("bot_")
                .endsWith("…");
        assertThat(shownPrefix).as("one ellipsis in %s", connections).doesNotEndWith("……");
        assertThat(token).startsWith(shownPrefix.substring(0, shownPrefix.length() - 1));
        assertThat(connections.output()).doesNotContain(token).containsPattern("\\d+ of \\d+ connected");

        ShellResult revoked = hub.sshAdmin("telemetry:connection-revoke " + id);

        assertThat(revoked.exitStatus()).as("%s", revoked).isEqualTo(0);
        assertThat(revoked.output()).contains("Revoked the token of connection " + id);
        assertThat(wordpressHeartbeat(token, site).status()).isEqualTo(401);
        ShellResult after = hub.sshAdmin("telemetry:connections");
        assertThat(cells(after, id).subList(2, 4)).as("%s", after).containsExactly("Not Connected", "revoked");
        assertThat(assertStatus(admin.get(Telemetry.CONNECTIONS + "/" + id), 200)
                        .path("status")
                        .asText())
                .isEqualTo("revoked");
    }

    // ---------------------------------------------------------------- bad input and roles

    @Test
    void badInputIsRefusedWithASentenceNotAStackTraceAndChangesNothing() {
        String id = Telemetry.beat(plugin, beat("https://bad-" + u + ".example.com", OLD))
                .path("installation_id")
                .asText();
        String unknown = UUID.randomUUID().toString();
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("telemetry:toggle " + id + " block_plugin maybe", "value must be on or off");
        refusals.put("telemetry:toggle " + id + " nonsense on", "toggle_key must be one of block_plugin");
        refusals.put(
                "telemetry:toggle --expires-at tomorrow " + id + " enable_debug on",
                "expires_at must be an ISO-8601 instant");
        refusals.put("telemetry:toggle --rate 0 " + id + " rate_limit on", "rate_per_minute must be between 1");
        refusals.put(
                "telemetry:toggle --rate 5 " + id + " block_plugin on", "rate_per_minute applies to rate_limit only");
        refusals.put("telemetry:toggle --rate abc " + id + " rate_limit on", "unable to convert option --rate");
        refusals.put("telemetry:toggle " + unknown + " block_plugin on", unknown);
        refusals.put("telemetry:show " + unknown, "installation " + unknown + " does not exist");
        refusals.put("telemetry:list --limit abc", "limit must be a whole number");
        refusals.put("telemetry:list --status weird", "status must be one of active, outdated, blocked, error");
        refusals.put("telemetry:run weekly", "kind must be one of hourly, daily");
        refusals.put("telemetry:notify --channel pigeon " + id, "channel must be one of");
        refusals.put("telemetry:key-create bad-" + u + " Name not-an-email", "merchant_email must be an email address");
        refusals.put("telemetry:key-create --phone 123 bad-" + u + " Name bad@example.com", "merchant_phone must be");
        refusals.put("telemetry:key-revoke " + unknown, "key " + unknown + " does not exist");
        refusals.put("telemetry:version-add " + cms + " not-a-version", "version must be a version such as 1.3.5");
        refusals.put("telemetry:version-add 'Bad CMS' 1.0.0", "cms must be lower-case letters");
        refusals.put("telemetry:version-remove " + cms + " 9.9.9", "no version 9.9.9 of " + cms + " is registered");
        refusals.put("telemetry:connection-revoke " + unknown, "connection " + unknown + " does not exist");

        refusals.forEach((command, message) -> assertRefused(hub.sshAdmin(command), message));

        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id + "/toggles"), 200))
                .as("no toggle was set")
                .isEmpty();
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id + "/notifications"), 200))
                .isEmpty();
        assertThat(assertStatus(admin.get(Telemetry.KEYS + "?merchant_id=bad-" + u), 200))
                .isEmpty();
        assertThat(assertStatus(admin.get(Telemetry.VERSIONS + "?cms=" + cms), 200))
                .extracting(v -> v.path("version").asText())
                .containsExactlyInAnyOrder(LATEST, OLD);
    }

    @Test
    void aViewerMayLookButEveryChangingCommandIsRefusedAndChangesNothing() {
        Map<String, Object> body = beat("https://viewer-" + u + ".example.com", OLD);
        String id = Telemetry.beat(plugin, body).path("installation_id").asText();
        List<String> changing = List.of(
                "telemetry:toggle " + id + " block_plugin on",
                "telemetry:notify " + id,
                "telemetry:key-create viewer-" + u + " 'Viewer Shop' viewer-" + u + "@example.com",
                "telemetry:key-revoke " + keyId,
                "telemetry:version-add --latest " + cms + " 9.0.0",
                "telemetry:version-remove " + cms + " " + OLD,
                "telemetry:connection-token 'viewer blog " + u + "'",
                "telemetry:run daily");

        for (String command : changing) {
            ShellResult refused = hub.ssh(viewer, Users.PASSWORD, command);
            assertThat(refused.output())
                    .as("%s", refused)
                    .contains("this needs the ops role")
                    .doesNotContain("Set ")
                    .doesNotContain("Registered")
                    .doesNotContain("Revoked")
                    .doesNotContain("shown only now");
            assertThat(refused.exitStatus()).as("%s", refused).isNotEqualTo(0);
        }

        JsonNode reply = Telemetry.beat(plugin, body);
        assertThat(reply.path("toggles").path("block_plugin").asBoolean()).isFalse();
        assertThat(reply.path("notices")).isEmpty();
        assertThat(assertStatus(admin.get(Telemetry.PATH + "/" + id + "/toggles"), 200))
                .isEmpty();
        assertThat(assertStatus(admin.get(Telemetry.KEYS + "?merchant_id=viewer-" + u), 200))
                .isEmpty();
        assertThat(assertStatus(admin.get(Telemetry.KEYS + "?merchant_id=" + merchant), 200)
                        .get(0)
                        .path("revoked_at")
                        .isNull())
                .as("the key is not revoked")
                .isTrue();
        assertThat(assertStatus(admin.get(Telemetry.VERSIONS + "?cms=" + cms), 200))
                .extracting(v -> v.path("version").asText())
                .containsExactlyInAnyOrder(LATEST, OLD);
        assertThat(assertStatus(admin.get(Telemetry.CONNECTIONS), 200))
                .noneSatisfy(c -> assertThat(c.path("name").asText()).isEqualTo("viewer blog " + u));

        // what a viewer may do
        ShellResult listed = hub.ssh(viewer, Users.PASSWORD, "telemetry:list --query viewer-" + u);
        assertThat(cells(listed, id)).as("%s", listed).contains(OLD + " → " + LATEST, "outdated");
        ShellResult shown = hub.ssh(viewer, Users.PASSWORD, "telemetry:show " + id);
        assertThat(shown.output()).as("%s", shown).containsPattern(field("Status", "outdated"));
        ShellResult versions = hub.ssh(viewer, Users.PASSWORD, "telemetry:versions --cms " + cms);
        assertThat(versionRow(versions, LATEST).get(2)).isEqualTo("yes");
        ShellResult keys = hub.ssh(viewer, Users.PASSWORD, "telemetry:keys --merchant " + merchant);
        assertThat(cells(keys, keyId)).as("%s", keys).contains(merchantName);
        assertThat(keys.output()).doesNotContain(key);
        ShellResult connections = hub.ssh(viewer, Users.PASSWORD, "telemetry:connections");
        assertThat(connections.exitStatus()).as("%s", connections).isEqualTo(0);
        assertThat(connections.output()).as("%s", connections).doesNotContain("this needs");
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> beat(String site, String version) {
        return Telemetry.heartbeat(merchant, cms, site, version);
    }

    private static void event(String site, String type, String severity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchant_id", merchant);
        body.put("cms", cms);
        body.put("site_url", site);
        body.put("event_type", type);
        if (severity != null) {
            body.put("severity", severity);
        }
        body.put("event_data", Map.of("order", "shell-" + u));
        assertStatus(plugin.post(Telemetry.EVENT, body), 200);
    }

    private static ApiResponse wordpressHeartbeat(String token, String site) {
        String body = "{\"site_url\":\"" + site + "\",\"plugin_version\":\"1.1.0\",\"wp_version\":\"6.3.1\","
                + "\"is_active\":true}";
        return hub.api()
                .send(hub.api()
                        .request(Telemetry.WORDPRESS_HEARTBEAT)
                        .header("X-Bot-Token", token)
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(body)));
    }

    /** Refused with Karaf's "Error executing command" and a sentence: no exception name, no stack frame. */
    private static void assertRefused(ShellResult result, String message) {
        assertThat(result.exitStatus()).as("%s", result).isNotEqualTo(0);
        assertThat(result.output())
                .as("%s", result)
                .contains("Error executing command")
                .contains(message)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(STACK_FRAME.matcher(result.output()).find())
                .as("stack trace in %s", result)
                .isFalse();
    }

    /** The cells of the table row whose first cell is {@code first}. */
    private static List<String> cells(ShellResult table, String first) {
        return table.output()
                .lines()
                .filter(line -> line.startsWith(first + " ") || line.startsWith(first + "|"))
                .findFirst()
                .map(line ->
                        Arrays.stream(line.split("\\|", -1)).map(String::strip).toList())
                .orElseThrow(() -> new AssertionError("no row " + first + " in " + table));
    }

    /** The row of {@code version} in the table telemetry:versions prints (first cell: the CMS). */
    private static List<String> versionRow(ShellResult table, String version) {
        return table.output()
                .lines()
                .map(line ->
                        Arrays.stream(line.split("\\|", -1)).map(String::strip).toList())
                .filter(row ->
                        row.size() == 7 && row.get(0).equals(cms) && row.get(1).equals(version))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no version " + version + " in " + table));
    }

    /** A line of the field/value table telemetry:show prints. */
    private static String field(String name, String value) {
        return "(?m)^" + Pattern.quote(name) + "\\s*\\|\\s*" + Pattern.quote(value) + "\\s*$";
    }
}
