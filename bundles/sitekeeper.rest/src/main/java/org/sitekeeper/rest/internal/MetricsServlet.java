package org.sitekeeper.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.StaffAuthenticator;
import org.sitekeeper.core.api.security.StaffPrincipal;
import org.sitekeeper.rest.internal.metrics.PrometheusTextWriter;

/**
 * {@code GET /metrics}: the scrape in the Prometheus text format. Unless configured public it needs a staff login
 * holding {@code viewer} (HTTP Basic or an API token, checked as the REST API checks them); refusals answer the
 * API's JSON error body and status, with the Basic challenge on 401 and {@code Retry-After} when throttled.
 */
final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient StaffAuthenticator authenticator;
    private final transient ObjectMapper json;
    private final transient Supplier<String> scrape;
    private volatile boolean open;
    private final Role required;

    /**
     * @param open whether the endpoint answers without credentials
     * @param required the role a caller must hold when it is not open
     */
    MetricsServlet(
            StaffAuthenticator authenticator, ObjectMapper json, Supplier<String> scrape, boolean open, Role required) {
        this.authenticator = authenticator;
        this.json = json;
        this.scrape = scrape;
        this.open = open;
        this.required = required;
    }

    /** Whether the endpoint answers without credentials, from the next scrape on. */
    void open(boolean open) {
        this.open = open;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            error(response, ApiError.of(405, "method_not_allowed", "this resource does not support that HTTP method"));
            return;
        }
        if (!open) {
            try {
                authorize(request);
            } catch (RuntimeException e) {
                error(response, ErrorClassifier.classify(e));
                return;
            }
        }
        byte[] body;
        try {
            body = scrape.get().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            error(response, ErrorClassifier.classify(e)); // logged there, with the reference it answers
            return;
        }
        response.setStatus(200);
        response.setContentType(PrometheusTextWriter.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

    private void authorize(HttpServletRequest request) {
        StaffPrincipal principal =
                AccessFilter.authenticate(authenticator, request.getHeader("Authorization"), request.getRemoteAddr());
        if (!principal.has(required)) {
            throw AccessFilter.needs(required, principal);
        }
    }

    private void error(HttpServletResponse response, ApiError error) throws IOException {
        byte[] body = json.writeValueAsBytes(error);
        response.setStatus(error.status());
        if (error.status() == 401) {
            response.setHeader("WWW-Authenticate", ApiExceptionMapper.AUTHENTICATE);
        }
        if (error.retryAfterSeconds() != null) {
            response.setHeader("Retry-After", Long.toString(error.retryAfterSeconds()));
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
