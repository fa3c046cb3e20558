package org.sitekeeper.itests;

import java.util.Map;

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
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * Who may do what over REST: HTTP Basic for the three staff roles, API tokens, the audit of refusals, and the
 * throttling of failed log-ins. The hub allows 20 failures per client address before it slows that client down
 * (etc/org.sitekeeper.security.cfg), and every test class shares it: keep the failed log-ins here few.
 */
@Order(3)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class AuthIT {

    private static final String WRONG_PASSWORD = "not-the-Passw0rd-at-all";

    private static Hub hub;
    private static Api admin;

    @BeforeAll
    static void useSharedHub(Hub shared) {
        hub = shared;
        admin = hub.admin();
    }

    @Test
    void refusesRequestWithoutCredentialsWith401JsonAndBasicChallenge() {
        ApiResponse response = hub.api().get(Sites.PATH);

        assertError(response, 401, "unauthorized", null);
        assertThat(response.header("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
    }

    @Test
    void refusesWrongPasswordWith401() {
        assertError(hub.api().as(Hub.ADMIN, WRONG_PASSWORD).get(Sites.PATH), 401, "unauthorized", null);
    }

    @Test
    void viewerMayListSitesButIsForbiddenToCreateOneAndTheRefusalIsAudited() {
        String viewerName = Users.create(admin, "viewer", "viewer");
        Api viewer = hub.api().as(viewerName, Users.PASSWORD);
        long sitesBefore = Sites.total(admin);

        assertStatus(viewer.get(Sites.PATH), 200);
        ApiResponse refused = viewer.post(Sites.PATH, Map.of("url", "https://viewer-" + Sites.unique() + ".example"));

        assertError(refused, 403, "forbidden", null);
        assertThat(Sites.total(admin)).isEqualTo(sitesBefore);
        JsonNode audit = assertStatus(admin.get("/api/v1/audit?outcome=denied&actor=" + viewerName), 200);
        assertThat(audit.path("items")).anySatisfy(entry -> {
            assertThat(entry.path("actor").asText()).isEqualTo(viewerName);
            assertThat(entry.path("outcome").asText()).isEqualTo("denied");
            assertThat(entry.path("action").asText()).isEqualTo("rest.post");
            assertThat(entry.path("target").asText()).endsWith("/v1/sites");
        });
    }

    @Test
    void viewerIsForbiddenToReadTheAuditLog() {
        Api viewer = hub.api().as(Users.create(admin, "viewer", "viewer"), Users.PASSWORD);

        assertError(viewer.get("/api/v1/audit"), 403, "forbidden", null);
    }

    @Test
    void anAdminMayBeDemotedAndRemovedWhileAnotherAdminRemains() {
        // counts the enabled admins in the database before allowing either change
        String second = Users.create(admin, "admin", "admin");

        JsonNode demoted = assertStatus(admin.patch("/api/v1/users/" + second, Map.of("role", "viewer")), 200);
        assertThat(demoted.path("role").asText()).isEqualTo("viewer");
        assertStatus(admin.patch("/api/v1/users/" + second, Map.of("role", "admin")), 200);
        assertThat(admin.delete("/api/v1/users/" + second).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/users/" + second).status()).isEqualTo(404);
    }

    @Test
    void opsUserMayCreateSitesOwnedByThemselves() {
        String opsName = Users.create(admin, "ops", "ops");

        JsonNode site =
                Sites.create(hub.api().as(opsName, Users.PASSWORD), "https://ops-" + Sites.unique() + ".example.org");

        assertThat(site.path("owner").asText()).isEqualTo(opsName);
    }

    @Test
    void apiTokenIsShownOnceWorksAsBearerAndStopsWorkingWhenRevoked() {
        ApiResponse issued = admin.post("/api/v1/tokens", Map.of("name", "ci", "role", "ops"));
        JsonNode body = assertStatus(issued, 201);
        String token = body.path("token").asText();
        long id = body.path("details").path("id").asLong();
        assertThat(token).startsWith("sk_");
        Api bot = hub.api().withToken(token);

        assertStatus(bot.get(Sites.PATH), 200);
        Sites.create(bot, "https://token-" + Sites.unique() + ".example.org");

        ApiResponse listed = admin.get("/api/v1/tokens");
        assertStatus(listed, 200);
        assertThat(listed.body()).doesNotContain(token);
        assertThat(listed.json().path("items")).anySatisfy(item -> {
            assertThat(item.path("id").asLong()).isEqualTo(id);
            assertThat(item.path("name").asText()).isEqualTo("ci");
            assertThat(item.has("token")).isFalse();
        });

        JsonNode revoked = assertStatus(admin.delete("/api/v1/tokens/" + id), 200);
        assertThat(revoked.path("revoked_at").isNull()).isFalse();
        assertError(bot.get(Sites.PATH), 401, "unauthorized", null);
    }

    @Test
    void throttlesAnAccountAfterFiveWrongPasswordsWith429AndRetryAfterEvenForTheRightPassword() {
        String username = Users.create(admin, "throttled", "viewer");
        Api guesser = hub.api().as(username, WRONG_PASSWORD);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertError(guesser.get(Sites.PATH), 401, "unauthorized", null);
        }

        ApiResponse sixth = guesser.get(Sites.PATH);

        assertError(sixth, 429, "rate_limited", null);
        assertThat(sixth.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds))
                .isPositive());
        assertError(hub.api().as(username, Users.PASSWORD).get(Sites.PATH), 429, "rate_limited", null);
    }
}
