package org.sitekeeper.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * What the hub stores in Derby outlives a restart: sites, accounts, API tokens and the audit log. The stop must
 * shut the embedded database down cleanly (Derby says so in data/log/derby.log, which the next start rewrites).
 */
@Order(8)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class RestartIT {

    private static Hub hub;
    private static Api admin;
    private static JsonNode site;
    private static String username;
    private static String token;
    private static long tokenId;
    private static String derbyLogWhileStopped;

    @BeforeAll
    static void storeDataThenRestart(Hub shared) {
        hub = shared;
        admin = hub.admin();
        site = Sites.create(
                admin,
                Map.of(
                        "url",
                        "https://restart-" + Sites.unique() + ".example.org",
                        "group",
                        "restart",
                        "notes",
                        "kept"));
        username = Users.create(admin, "restart", "ops");
        JsonNode issued =
                assertStatus(admin.post("/api/v1/tokens", Map.of("name", "restart-bot", "role", "viewer")), 201);
        token = issued.path("token").asText();
        tokenId = issued.path("details").path("id").asLong();

        hub.restart(() -> derbyLogWhileStopped = read(hub.logFile("derby.log")));
    }

    @Test
    void stopShutsTheDerbyEngineDownCleanly() {
        assertThat(derbyLogWhileStopped).contains("Shutting down Derby engine");
    }

    @Test
    void sitesSurviveTheRestart() {
        assertThat(assertStatus(admin.get(Sites.path(site.path("id").asLong())), 200))
                .isEqualTo(site);
    }

    @Test
    void accountsSurviveTheRestartAndCanLogIn() {
        JsonNode me = assertStatus(hub.api().as(username, Users.PASSWORD).get("/api/v1/users/me"), 200);

        assertThat(me.path("username").asText()).isEqualTo(username);
        assertThat(me.path("role").asText()).isEqualTo("ops");
    }

    @Test
    void apiTokensSurviveTheRestartAndStillWork() {
        assertStatus(hub.api().withToken(token).get(Sites.PATH), 200);
        assertThat(assertStatus(admin.get("/api/v1/tokens"), 200).path("items"))
                .anySatisfy(item -> assertThat(item.path("id").asLong()).isEqualTo(tokenId));
    }

    @Test
    void auditEntriesSurviveTheRestart() {
        String target = "site:" + site.path("id").asLong();

        JsonNode audit = assertStatus(admin.get("/api/v1/audit?target=" + target), 200);

        assertThat(audit.path("items")).anySatisfy(entry -> {
            assertThat(entry.path("action").asText()).isEqualTo("site.create");
            assertThat(entry.path("actor").asText()).isEqualTo(Hub.ADMIN);
            assertThat(entry.path("outcome").asText()).isEqualTo("success");
        });
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no " + file + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
