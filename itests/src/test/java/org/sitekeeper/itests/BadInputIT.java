package org.sitekeeper.itests;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.ApiResponse;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.itests.support.ApiAssertions.assertError;
import static org.sitekeeper.itests.support.ApiAssertions.assertStatus;

/**
 * Requests the API must refuse: each gets the right status and a JSON error naming the problem (and the field),
 * never an exception or stack trace, and none of them stores anything.
 */
@Order(2)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class BadInputIT {

    private static final int ONE_MIB = 1024 * 1024;

    private static Api admin;
    private static long siteId;

    @BeforeAll
    static void useSharedHub(Hub hub) {
        admin = hub.admin();
        siteId = Sites.create(admin, "https://bad-input-" + Sites.unique() + ".example.org")
                .path("id")
                .asLong();
    }

    static Stream<Arguments> invalidSites() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"url\":", "malformed_json", null),
                Arguments.of("url as a number", "{\"url\":5}", "invalid_type", "url"),
                Arguments.of(
                        "tags as a string", "{\"url\":\"https://a.example\",\"tags\":\"x\"}", "invalid_type", "tags"),
                Arguments.of(
                        "unknown field",
                        "{\"url\":\"https://a.example\",\"colour\":\"red\"}",
                        "unknown_field",
                        "colour"),
                Arguments.of("missing url", "{\"name\":\"No URL\"}", "missing_field", "url"),
                Arguments.of("ftp URL", "{\"url\":\"ftp://files.example.org\"}", "invalid_value", "url"),
                Arguments.of(
                        "URL with credentials", "{\"url\":\"https://bob:secret@a.example\"}", "invalid_value", "url"),
                Arguments.of("URL with a query", "{\"url\":\"https://a.example/?page=1\"}", "invalid_value", "url"),
                Arguments.of(
                        "tag with spaces",
                        "{\"url\":\"https://a.example\",\"tags\":[\"two words\"]}",
                        "invalid_value",
                        "tags[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSites")
    void refusesInvalidNewSiteWith400NamingTheFieldAndStoresNothing(
            String problem, String body, String error, String field) {
        assertStoresNothing(() -> assertError(admin.post(Sites.PATH, body), 400, error, field));
    }

    @Test
    void refusesLoopbackUrlUnderTheDefaultEgressPolicy() {
        JsonNode error = assertStoresNothing(() -> assertError(
                admin.post(Sites.PATH, Map.of("url", "http://127.0.0.1:8080")), 400, "invalid_value", "url"));

        assertThat(error.path("message").asText()).contains("egress policy");
    }

    @Test
    void refusesUnknownStatusOnPatchAndLeavesTheSiteAsItWas() {
        JsonNode before = assertStatus(admin.get(Sites.path(siteId)), 200);

        assertError(admin.patch(Sites.path(siteId), Map.of("status", "weird")), 400, "invalid_value", "status");

        assertThat(assertStatus(admin.get(Sites.path(siteId)), 200)).isEqualTo(before);
    }

    @Test
    void refusesNonNumericListLimit() {
        assertError(admin.get(Sites.PATH + "?limit=abc"), 400, "invalid_value", "limit");
    }

    @Test
    void refusesCursorTheApiNeverIssued() {
        assertError(admin.get(Sites.PATH + "?cursor=garbage-cursor"), 400, "invalid_value", "cursor");
    }

    @Test
    void refusesBodyOverOneMebibyteSentWithContentLength() {
        byte[] body = oversizedSite();

        assertStoresNothing(() -> assertError(
                admin.send("POST", Sites.PATH, "application/json", BodyPublishers.ofByteArray(body)),
                413,
                "payload_too_large",
                null));
    }

    @Test
    void refusesBodyOverOneMebibyteSentChunked() {
        byte[] body = oversizedSite();

        // a publisher of unknown length makes the client send the body chunked, without Content-Length
        assertStoresNothing(() -> assertError(
                admin.send(
                        "POST",
                        Sites.PATH,
                        "application/json",
                        BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(body))),
                413,
                "payload_too_large",
                null));
    }

    @Test
    void answersUnknownRouteWith404Json() {
        assertError(admin.get("/api/v1/nope"), 404, "not_found", null);
    }

    @Test
    void answersWrongMethodWith405JsonNamingTheAllowedOnes() {
        ApiResponse response = admin.send("PUT", Sites.PATH, "application/json", BodyPublishers.ofString("{}"));

        assertError(response, 405, "method_not_allowed", null);
        assertThat(response.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    }

    @Test
    void answersWrongContentTypeWith415Json() {
        assertStoresNothing(() -> assertError(
                admin.send(
                        "POST",
                        Sites.PATH,
                        "text/plain",
                        BodyPublishers.ofString("{\"url\":\"https://plain.example\"}")),
                415,
                "unsupported_media_type",
                null));
    }

    /** A valid site whose notes carry it past 1 MiB, so the body is refused for its size and nothing else. */
    private static byte[] oversizedSite() {
        String notes = "x".repeat(ONE_MIB + ONE_MIB / 5);
        return ("{\"url\":\"https://big-" + Sites.unique() + ".example\",\"notes\":\"" + notes + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T assertStoresNothing(Supplier<T> refusal) {
        long before = Sites.total(admin);
        T result = refusal.get();
        assertThat(Sites.total(admin)).as("sites after a refused request").isEqualTo(before);
        return result;
    }
}
