package org.sitekeeper.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small HTTP client for one hub and one identity (none, HTTP Basic or an API token). Bodies that are not
 * {@link String}s are sent as JSON.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String authorization;

    Api(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The same hub with HTTP Basic credentials. */
    public Api as(String username, String password) {
        String pair = username + ":" + password;
        return new Api(base, "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** The same hub with an API token. */
    public Api withToken(String token) {
        return new Api(base, "Bearer " + token);
    }

    /** The same hub without credentials. */
    public Api anonymous() {
        return new Api(base, null);
    }

    /** URL-encodes a query parameter value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public URI base() {
        return base;
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public ApiResponse patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", publisher(body)));
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method with any body and content type. */
    public ApiResponse send(String method, String path, String contentType, BodyPublisher body) {
        HttpRequest.Builder request = request(path).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** A request builder for {@code path} (or an absolute URL) carrying this identity. */
    public HttpRequest.Builder request(String pathOrUrl) {
        URI uri = pathOrUrl.startsWith("http://") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    public ApiResponse send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            var response = CLIENT.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(
                    request.method(),
                    request.uri().toString(),
                    response.statusCode(),
                    response.headers(),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static BodyPublisher publisher(Object body) {
        if (body instanceof String text) {
            return BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        }
        try {
            return BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body + " as JSON", e);
        }
    }
}
