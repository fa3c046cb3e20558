package org.sitekeeper.core.api.egress;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An outbound HTTP request. Every request has a hard overall timeout and a cap on the response body read.
 *
 * @param method HTTP method
 * @param uri absolute http or https URI
 * @param headers request headers
 * @param body request body, or {@code null}
 * @param timeout overall deadline including connect, TLS, redirects and reading the body
 * @param followRedirects whether to follow 3xx; each hop is checked against the egress policy again
 * @param maxResponseBytes at most this much of the body is kept; the rest is discarded
 */
public record OutboundRequest(
        String method,
        URI uri,
        Map<String, List<String>> headers,
        byte[] body,
        Duration timeout,
        boolean followRedirects,
        int maxResponseBytes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

    public OutboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        headers = Map.copyOf(headers);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public static Builder get(URI uri) {
        return new Builder("GET", uri);
    }

    public static Builder post(URI uri) {
        return new Builder("POST", uri);
    }

    public static Builder method(String method, URI uri) {
        return new Builder(method, uri);
    }

    /** Builds an {@link OutboundRequest} with sensible defaults (30 s, no redirects, 1 MiB). */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean followRedirects;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        public Builder header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder body(byte[] content, String contentType) {
            this.body = content.clone();
            return header("Content-Type", contentType);
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder followRedirects(boolean value) {
            this.followRedirects = value;
            return this;
        }

        public Builder maxResponseBytes(int value) {
            this.maxResponseBytes = value;
            return this;
        }

        public OutboundRequest build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new OutboundRequest(method, uri, copy, body, timeout, followRedirects, maxResponseBytes);
        }
    }
}
