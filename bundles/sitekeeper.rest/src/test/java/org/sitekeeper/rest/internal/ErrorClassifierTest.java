package org.sitekeeper.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.ProcessingException;
import javax.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.glassfish.jersey.server.ParamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.RateLimitedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ErrorClassifierTest {

    /** A request body with one field of each kind the API uses. */
    record Body(
            String name,
            Integer count,
            Boolean active,
            Double weight,
            List<String> tags,
            Instant since,
            Role role,
            Inner inner) {}

    record Inner(String label, List<Integer> ports) {}

    /** A body whose constructor refuses a value, as DTOs with checks do. */
    record Checked(String url) {
        Checked {
            if (url != null && !url.startsWith("https://")) {
                throw new InvalidInputException("url", "url must start with https://");
            }
        }
    }

    private static final ObjectMapper MAPPER = JsonMappers.create();

    private static Throwable parsing(String json, Class<?> type) {
        Throwable failure = catchThrowable(() -> MAPPER.readValue(json, type));
        assertThat(failure).as("parsing %s", json).isNotNull();
        return failure;
    }

    private static ApiError classifyParsing(String json) {
        return ErrorClassifier.classify(parsing(json, Body.class));
    }

    @Test
    void malformedJsonIs400WithoutEchoingTheInput() {
        ApiError error = classifyParsing("{\"name\": hunter2secret}");

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("malformed_json");
        assertThat(error.message()).startsWith("request body is not valid JSON").doesNotContain("hunter2secret");
        assertThat(error.field()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"a\"", "{'name':'a'}", "{\"name\":\"a\",}", "{\"name\":\"a\" \"count\":1}"})
    void everyKindOfSyntaxErrorIsMalformedJson(String json) {
        ApiError error = classifyParsing(json);

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("malformed_json");
    }

    @Test
    void malformedJsonSaysWhereButNotWhat() {
        ApiError error = classifyParsing("{\n  \"name\": \"a\",\n  \"count\": tru\n}");

        assertThat(error.message()).contains("line 3").doesNotContain("tru");
    }

    @Test
    void duplicateKeysAreMalformedJson() {
        ApiError error = classifyParsing("{\"name\":\"a\",\"name\":\"b\"}");

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("malformed_json");
    }

    @Test
    void unknownFieldNamesTheField() {
        ApiError error = classifyParsing("{\"name\":\"a\",\"is_admin\":true}");

        assertThat(error).isEqualTo(ApiError.field(400, "unknown_field", "is_admin", "unknown field is_admin"));
    }

    @Test
    void unknownNestedFieldGivesItsPath() {
        ApiError error = classifyParsing("{\"inner\":{\"label\":\"x\",\"color\":\"red\"}}");

        assertThat(error.error()).isEqualTo("unknown_field");
        assertThat(error.field()).isEqualTo("inner.color");
    }

    @Test
    void wrongTypeNamesTheFieldAndAReadableType() {
        assertThat(classifyParsing("{\"name\":42}"))
                .isEqualTo(ApiError.field(400, "invalid_type", "name", "name must be a string"));
        assertThat(classifyParsing("{\"count\":\"7\"}"))
                .isEqualTo(ApiError.field(400, "invalid_type", "count", "count must be a whole number"));
        assertThat(classifyParsing("{\"active\":\"true\"}"))
                .isEqualTo(ApiError.field(400, "invalid_type", "active", "active must be true or false"));
        assertThat(classifyParsing("{\"weight\":\"heavy\"}"))
                .isEqualTo(ApiError.field(400, "invalid_type", "weight", "weight must be a number"));
        assertThat(classifyParsing("{\"tags\":\"prod\"}"))
                .isEqualTo(ApiError.field(400, "invalid_type", "tags", "tags must be an array"));
        assertThat(classifyParsing("{\"inner\":\"x\"}"))
                .isEqualTo(ApiError.field(400, "invalid_type", "inner", "inner must be an object"));
    }

    @Test
    void badInstantShowsAnExample() {
        ApiError error = classifyParsing("{\"since\":\"yesterday\"}");

        assertThat(error.error()).isEqualTo("invalid_type");
        assertThat(error.field()).isEqualTo("since");
        assertThat(error.message()).isEqualTo("since must be an ISO-8601 date-time such as 2026-01-31T12:00:00Z");
    }

    @Test
    void unknownEnumValueListsTheWireNames() {
        ApiError error = classifyParsing("{\"role\":\"root\"}");

        assertThat(error.field()).isEqualTo("role");
        assertThat(error.message()).isEqualTo("role must be one of viewer, ops, admin");
    }

    @Test
    void elementOfAnArrayIsNamedByIndex() {
        assertThat(classifyParsing("{\"tags\":[\"a\",2]}"))
                .isEqualTo(ApiError.field(400, "invalid_type", "tags[1]", "tags[1] must be a string"));
        assertThat(classifyParsing("{\"inner\":{\"ports\":[80,\"x\"]}}").field())
                .isEqualTo("inner.ports[1]");
    }

    @Test
    void numberOutOfRangeIsAnInvalidValue() {
        ApiError error = classifyParsing("{\"count\":99999999999}");

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("invalid_value");
    }

    @Test
    void emptyBodyIsAMissingBody() {
        assertThat(classifyParsing(""))
                .isEqualTo(ApiError.field(400, "missing_field", "body", "a JSON object body is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "\"text\"", "{\"name\":\"a\"} {\"name\":\"b\"}"})
    void otherThanOneObjectIsRefusedAsTheBody(String json) {
        ApiError error = classifyParsing(json);

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("invalid_type");
        assertThat(error.field()).isEqualTo("body");
    }

    @Test
    void aConstructorCheckIsReportedAsItsOwnError() {
        ApiError error = ErrorClassifier.classify(parsing("{\"url\":\"http://x\"}", Checked.class));

        assertThat(error).isEqualTo(ApiError.field(400, "invalid_value", "url", "url must start with https://"));
    }

    @Test
    void sitekeeperExceptionsKeepStatusCodeAndField() {
        assertThat(ErrorClassifier.classify(new InvalidInputException("limit", "limit must be positive")))
                .isEqualTo(ApiError.field(400, "invalid_value", "limit", "limit must be positive"));
        assertThat(ErrorClassifier.classify(new ConflictException("username", "taken")))
                .isEqualTo(ApiError.field(409, "conflict", "username", "taken"));
        assertThat(ErrorClassifier.classify(org.sitekeeper.core.api.error.NotFoundException.of("site", 7)))
                .isEqualTo(ApiError.of(404, "not_found", "site 7 does not exist"));
    }

    @Test
    void sitekeeperExceptionIsFoundInTheCauseChain() {
        RuntimeException wrapped = new ProcessingException(new InvalidInputException("url", "bad url"));

        assertThat(ErrorClassifier.classify(wrapped).field()).isEqualTo("url");
    }

    @Test
    void rateLimitedSetsRetryAfterInWholeSeconds() {
        ApiError error = ErrorClassifier.classify(new RateLimitedException("slow down", Duration.ofMillis(30_900)));

        assertThat(error.status()).isEqualTo(429);
        assertThat(error.error()).isEqualTo("rate_limited");
        assertThat(error.retryAfterSeconds()).isEqualTo(30L);
        assertThat(ErrorClassifier.classify(new RateLimitedException("x", Duration.ZERO))
                        .retryAfterSeconds())
                .isEqualTo(1L);
        assertThat(ErrorClassifier.classify(new InvalidInputException("a", "b")).retryAfterSeconds())
                .isNull();
    }

    @Test
    void payloadTooLargeAnywhereInTheChainIs413() {
        Throwable wrapped = new ProcessingException(new UncheckedIOException(new PayloadTooLargeException(1024)));

        assertThat(ErrorClassifier.classify(wrapped))
                .isEqualTo(ApiError.of(413, "payload_too_large", "request body is larger than 1024 bytes"));
    }

    @Test
    void payloadTooLargeWhileJacksonReadsIs413() {
        InputStream limited = new InputStream() {
            private final InputStream body = new ByteArrayInputStream(
                    ("{\"name\":\"" + "x".repeat(10_000) + "\"}").getBytes(StandardCharsets.UTF_8));
            private int read;

            @Override
            public int read() throws IOException {
                if (++read > 100) {
                    throw new PayloadTooLargeException(100);
                }
                return body.read();
            }
        };

        Throwable failure = catchThrowable(() -> MAPPER.readValue(limited, Body.class));

        assertThat(ErrorClassifier.classify(failure).status()).isEqualTo(413);
    }

    @Test
    void jaxRsNotFoundIs404() {
        assertThat(ErrorClassifier.classify(new NotFoundException()))
                .isEqualTo(ApiError.of(404, "not_found", "no such resource"));
    }

    @Test
    void otherJaxRsStatusesKeepTheirStatus() {
        assertThat(ErrorClassifier.classify(new NotAllowedException("GET")).status())
                .isEqualTo(405);
        assertThat(ErrorClassifier.classify(new BadRequestException()).error()).isEqualTo("bad_request");
        assertThat(ErrorClassifier.classify(new WebApplicationException(415)).error())
                .isEqualTo("unsupported_media_type");
        assertThat(ErrorClassifier.classify(new WebApplicationException(418)))
                .isEqualTo(ApiError.of(418, "bad_request", "the request cannot be served (HTTP 418)"));
        assertThat(ErrorClassifier.classify(new WebApplicationException(502)).error())
                .isEqualTo("internal_error");
    }

    @Test
    void badQueryParameterNamesIt() {
        ApiError error = ErrorClassifier.classify(
                new ParamException.QueryParamException(new NumberFormatException("x"), "limit", null));

        assertThat(error).isEqualTo(ApiError.field(400, "invalid_value", "limit", "limit has an invalid value"));
    }

    @Test
    void badPathParameterIsNotFound() {
        ApiError error = ErrorClassifier.classify(
                new ParamException.PathParamException(new NumberFormatException("x"), "id", null));

        assertThat(error.status()).isEqualTo(404);
    }

    @Test
    void unknownFailureIs500WithAReferenceAndNoDetails() {
        IllegalStateException bug = new IllegalStateException("password=hunter2 at org.sitekeeper.Foo.bar(Foo.java:1)");

        ApiError error = ErrorClassifier.classify(bug);

        assertThat(error.status()).isEqualTo(500);
        assertThat(error.error()).isEqualTo("internal_error");
        assertThat(error.message())
                .matches("an internal error occurred \\(reference [0-9a-f]{8} in the log\\)")
                .doesNotContain("hunter2", "Exception", "Foo.java");
    }

    @Test
    void everyInternalErrorGetsItsOwnReference() {
        String first = ErrorClassifier.classify(new RuntimeException()).message();
        String second = ErrorClassifier.classify(new RuntimeException()).message();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void describesTypesAsUsersKnowThem() {
        assertThat(ErrorClassifier.describe(char.class)).isEqualTo("a string");
        assertThat(ErrorClassifier.describe(long.class)).isEqualTo("a whole number");
        assertThat(ErrorClassifier.describe(Short.class)).isEqualTo("a whole number");
        assertThat(ErrorClassifier.describe(BigDecimal.class)).isEqualTo("a number");
        assertThat(ErrorClassifier.describe(float.class)).isEqualTo("a number");
        assertThat(ErrorClassifier.describe(String[].class)).isEqualTo("an array");
        assertThat(ErrorClassifier.describe(Map.class)).isEqualTo("an object");
        assertThat(ErrorClassifier.describe(Inner.class)).isEqualTo("an object");
        assertThat(ErrorClassifier.describe(Object.class)).isEqualTo("of type Object");
    }
}
