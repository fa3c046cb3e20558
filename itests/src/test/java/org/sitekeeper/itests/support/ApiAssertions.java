package org.sitekeeper.itests.support;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on the API's answers that every test makes the same way. */
public final class ApiAssertions {

    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\(");

    private ApiAssertions() {}

    /** An error in the API's shape {@code {"error","message","field"}}, without internals leaking. */
    public static JsonNode assertError(ApiResponse response, int status, String error, String field) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/json");
        assertNoInternals(response);
        JsonNode body = response.json();
        assertThat(body.path("error").asText()).as("error code of %s", response).isEqualTo(error);
        assertThat(body.path("message").asText()).as("message of %s", response).isNotBlank();
        if (field == null) {
            assertThat(body.has("field")).as("%s names no field", response).isFalse();
        } else {
            assertThat(body.path("field").asText()).as("field of %s", response).isEqualTo(field);
        }
        return body;
    }

    /** No exception class names or stack frames in the body. */
    public static void assertNoInternals(ApiResponse response) {
        assertThat(response.body()).as("body of %s", response).doesNotContain("Exception");
        assertThat(STACK_FRAME.matcher(response.body()).find())
                .as("%s contains a stack trace", response)
                .isFalse();
    }

    /** A 2xx answer with the given status; returns its JSON body (or null for 204). */
    public static JsonNode assertStatus(ApiResponse response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        return status == 204 ? null : response.json();
    }
}
