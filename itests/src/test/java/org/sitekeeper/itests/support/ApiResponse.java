package org.sitekeeper.itests.support;

import java.net.http.HttpHeaders;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** One HTTP answer: status, headers and body, with the body parsed as JSON on demand. */
public record ApiResponse(String method, String uri, int status, HttpHeaders headers, String body) {

    /** The body as JSON; fails the test when it is not JSON. */
    public JsonNode json() {
        try {
            return Api.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("expected a JSON body from " + this, e);
        }
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The text of a top-level JSON field, or {@code null}. */
    public String text(String field) {
        JsonNode node = json().get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
        String shown = body.length() > 600 ? body.substring(0, 600) + "…(" + body.length() + " chars)" : body;
        return method + " " + uri + " -> " + status + " " + shown;
    }
}
