package org.sitekeeper.rest.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.AuthenticationException;
import org.sitekeeper.core.api.error.RateLimitedException;
import org.sitekeeper.core.api.security.StaffAuthenticator;
import org.sitekeeper.core.api.security.StaffPrincipal;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsServletTest {

    private static final String SCRAPE = "# HELP up Up\n# TYPE up gauge\nup 1\n";
    private static final String TOKEN = "sk_0123456789abcdef";

    private final ObjectMapper json = JsonMappers.create();
    private final List<String> attempts = new ArrayList<>();

    /** Knows viewer "vera", admin "ada", a throttled "guess", and one viewer API token. */
    private final StaffAuthenticator authenticator = new StaffAuthenticator() {
        @Override
        public StaffPrincipal authenticate(String username, String password, String clientAddress) {
            attempts.add(username + "@" + clientAddress);
            if (username.equals("guess")) {
                throw new RateLimitedException("too many failed log-ins; try again later", Duration.ofSeconds(30));
            }
            if (username.equals("vera") && password.equals("secret:with:colons")) {
                return new StaffPrincipal("vera", Role.VIEWER, null);
            }
            if (username.equals("ada") && password.equals("pw")) {
                return new StaffPrincipal("ada", Role.ADMIN, null);
            }
            throw new AuthenticationException("wrong user name or password");
        }

        @Override
        public StaffPrincipal authenticateToken(String token, String clientAddress) {
            attempts.add("token@" + clientAddress);
            if (token.equals(TOKEN)) {
                return new StaffPrincipal("prometheus", Role.VIEWER, 7L);
            }
            throw new AuthenticationException("unknown or revoked API token");
        }
    };

    private MetricsServlet servlet(boolean open, Role required) {
        return new MetricsServlet(authenticator, json, () -> SCRAPE, open, required);
    }

    private FakeHttp.Answer call(MetricsServlet servlet, String method, Map<String, String> headers) throws Exception {
        FakeHttp.Answer answer = new FakeHttp.Answer();
        servlet.service(FakeHttp.request(method, headers), answer.response());
        return answer;
    }

    private static Map<String, String> basic(String user, String password) {
        String pair = user + ":" + password;
        return Map.of(
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    private JsonNode error(FakeHttp.Answer answer, int status, String code) throws Exception {
        assertThat(answer.status).isEqualTo(status);
        assertThat(answer.contentType).isEqualTo("application/json");
        JsonNode body = json.readTree(answer.body());
        assertThat(body.path("error").asText()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.has("field")).isFalse();
        assertThat(answer.body()).doesNotContain(SCRAPE);
        assertThat(answer.contentLength).isEqualTo(answer.body.size());
        return body;
    }

    @Test
    void openingAndClosingTakesEffectOnTheNextScrape() throws Exception {
        MetricsServlet servlet = servlet(false, Role.VIEWER);
        assertThat(call(servlet, "GET", Map.of()).status).isEqualTo(401);

        servlet.open(true);
        assertThat(call(servlet, "GET", Map.of()).status).isEqualTo(200);

        servlet.open(false);
        assertThat(call(servlet, "GET", Map.of()).status).isEqualTo(401);
        assertThat(call(servlet, "GET", basic("vera", "secret:with:colons")).status)
                .isEqualTo(200);
    }

    @Test
    void withoutCredentialsAnswers401WithTheBasicChallengeAndAJsonBody() throws Exception {
        FakeHttp.Answer answer = call(servlet(false, Role.VIEWER), "GET", Map.of());

        JsonNode body = error(answer, 401, "unauthorized");
        assertThat(body.path("message").asText()).contains("HTTP Basic", "Bearer sk_");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(attempts).isEmpty();
    }

    @Test
    void withAWrongPasswordAnswers401() throws Exception {
        FakeHttp.Answer answer = call(servlet(false, Role.VIEWER), "GET", basic("vera", "wrong"));

        error(answer, 401, "unauthorized");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Basic realm=");
        assertThat(attempts).containsExactly("vera@192.0.2.7");
    }

    @Test
    void withAnAuthorizationHeaderItCannotReadAnswers401() throws Exception {
        for (String header : List.of(
                "Basic !!!not-base64",
                "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)),
                "Digest abc",
                "Bearer",
                "sk_no_scheme")) {
            FakeHttp.Answer answer = call(servlet(false, Role.VIEWER), "GET", Map.of("Authorization", header));

            error(answer, 401, "unauthorized");
        }
        assertThat(attempts).isEmpty();
    }

    @Test
    void withAnUnknownTokenAnswers401() throws Exception {
        FakeHttp.Answer answer = call(servlet(false, Role.VIEWER), "GET", Map.of("Authorization", "Bearer sk_revoked"));

        error(answer, 401, "unauthorized");
    }

    @Test
    void whenThrottledAnswers429WithRetryAfter() throws Exception {
        FakeHttp.Answer answer = call(servlet(false, Role.VIEWER), "GET", basic("guess", "x"));

        error(answer, 429, "rate_limited");
        assertThat(answer.header("Retry-After")).isEqualTo("30");
        assertThat(answer.header("WWW-Authenticate")).isNull();
    }

    @Test
    void aViewerGetsTheScrapeInTheTextFormat() throws Exception {
        FakeHttp.Answer answer = call(servlet(false, Role.VIEWER), "GET", basic("vera", "secret:with:colons"));

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.contentType).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(answer.body()).isEqualTo(SCRAPE);
        assertThat(answer.contentLength).isEqualTo(SCRAPE.length());
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void anApiTokenWorksAsBearer() throws Exception {
        FakeHttp.Answer answer = call(servlet(false, Role.VIEWER), "GET", Map.of("Authorization", "bearer " + TOKEN));

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(SCRAPE);
        assertThat(attempts).containsExactly("token@192.0.2.7");
    }

    @Test
    void aRoleWeakerThanRequiredAnswers403() throws Exception {
        MetricsServlet adminsOnly = servlet(false, Role.ADMIN);

        JsonNode body = error(call(adminsOnly, "GET", basic("vera", "secret:with:colons")), 403, "forbidden");
        assertThat(body.path("message").asText()).contains("admin").contains("viewer");
        assertThat(call(adminsOnly, "GET", basic("ada", "pw")).status).isEqualTo(200);
    }

    @Test
    void whenPublicAnswersWithoutCredentialsAndChecksNone() throws Exception {
        FakeHttp.Answer answer = call(servlet(true, Role.VIEWER), "GET", basic("vera", "wrong"));

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(SCRAPE);
        assertThat(call(servlet(true, Role.VIEWER), "GET", Map.of()).status).isEqualTo(200);
        assertThat(attempts).isEmpty();
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() throws Exception {
        FakeHttp.Answer answer = call(servlet(false, Role.VIEWER), "HEAD", basic("vera", "secret:with:colons"));

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.contentLength).isEqualTo(SCRAPE.length());
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void otherMethodsAnswer405WithAllowBeforeAskingForCredentials() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE")) {
            FakeHttp.Answer answer = call(servlet(false, Role.VIEWER), method, Map.of());

            error(answer, 405, "method_not_allowed");
            assertThat(answer.header("Allow")).isEqualTo("GET, HEAD");
        }
    }

    @Test
    void aScrapeThatFailsAnswersAJson500WithAReference() throws Exception {
        MetricsServlet broken = new MetricsServlet(
                authenticator,
                json,
                () -> {
                    throw new IllegalStateException("boom");
                },
                true,
                Role.VIEWER);

        JsonNode body = error(call(broken, "GET", Map.of()), 500, "internal_error");
        assertThat(body.path("message").asText()).contains("reference").doesNotContain("boom");
    }
}
