package org.sitekeeper.uptime.internal.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.uptime.api.MonitorSpec;
import org.sitekeeper.uptime.api.MonitorType;
import org.sitekeeper.uptime.internal.domain.StatusSet;

/**
 * Turns what a user submitted into complete, valid settings, or refuses with the field at fault. Targets go
 * through the egress policy: an address in a denied range (loopback, private, link-local, metadata, and their
 * IPv6, IPv4-mapped and numeric forms) is refused as {@code url} unless {@code allowed_networks} permits it.
 */
public final class MonitorValidator {

    public static final int MIN_INTERVAL = 30;
    public static final int MAX_INTERVAL = 86_400;
    public static final int MAX_TIMEOUT = 60;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");
    /** Headers the check itself controls. */
    private static final Set<String> RESERVED = Set.of(
            "host", "content-length", "connection", "transfer-encoding", "upgrade", "te", "trailer", "keep-alive");

    /** Defaults of new monitors. */
    public record Defaults(int intervalSeconds, int timeoutSeconds, int failuresToDown, int successesToUp) {}

    /** The result: settings and the plain headers (to be sealed once the monitor has its id). */
    public record Valid(
            String name,
            MonitorType type,
            String url,
            String host,
            Long siteId,
            String method,
            String expectedStatus,
            String keyword,
            boolean keywordAbsent,
            Map<String, String> headers,
            boolean followRedirects,
            int maxResponseMs,
            int timeoutSeconds,
            int intervalSeconds,
            int failuresToDown,
            int successesToUp,
            boolean ignoreTls,
            boolean enabled) {}

    private final EgressPolicy policy;

    public MonitorValidator(EgressPolicy policy) {
        this.policy = policy;
    }

    /** Validates a new monitor, filling in defaults. */
    public Valid create(MonitorSpec s, Defaults d) {
        if (s.url() == null || s.url().isBlank()) {
            throw InvalidInputException.missing("url");
        }
        return validate(
                s.name(),
                s.type(),
                s.url(),
                s.siteId(),
                or(s.method(), "GET"),
                or(s.expectedStatus(), StatusSet.DEFAULT),
                s.keyword(),
                or(s.keywordAbsent(), false),
                s.headers() == null ? Map.of() : s.headers(),
                or(s.followRedirects(), true),
                or(s.maxResponseMs(), 0),
                or(s.timeoutSeconds(), d.timeoutSeconds()),
                or(s.intervalSeconds(), d.intervalSeconds()),
                or(s.failuresToDown(), d.failuresToDown()),
                or(s.successesToUp(), d.successesToUp()),
                or(s.ignoreTlsErrors(), false),
                or(s.enabled(), true));
    }

    /** Validates a change: {@code null} components keep the current value. */
    public Valid change(Valid current, MonitorSpec s) {
        boolean newUrl = s.url() != null && !s.url().equals(current.url());
        return validate(
                // a name the user chose stays; the default name (the host) follows a new URL
                s.name() != null ? s.name() : (newUrl && current.name().equals(current.host()) ? null : current.name()),
                s.type() != null ? s.type() : (newUrl ? null : current.type().wireName()),
                s.url() != null ? s.url() : current.url(),
                s.siteId() != null ? (s.siteId() <= 0 ? null : s.siteId()) : current.siteId(),
                or(s.method(), current.method()),
                or(s.expectedStatus(), current.expectedStatus()),
                s.keyword() != null ? (s.keyword().isEmpty() ? null : s.keyword()) : current.keyword(),
                or(s.keywordAbsent(), current.keywordAbsent()),
                s.headers() != null ? s.headers() : current.headers(),
                or(s.followRedirects(), current.followRedirects()),
                or(s.maxResponseMs(), current.maxResponseMs()),
                or(s.timeoutSeconds(), current.timeoutSeconds()),
                or(s.intervalSeconds(), current.intervalSeconds()),
                or(s.failuresToDown(), current.failuresToDown()),
                or(s.successesToUp(), current.successesToUp()),
                or(s.ignoreTlsErrors(), current.ignoreTls()),
                or(s.enabled(), current.enabled()));
    }

    private Valid validate(
            String name,
            String typeText,
            String rawUrl,
            Long siteId,
            String method,
            String expectedStatus,
            String keyword,
            boolean keywordAbsent,
            Map<String, String> headers,
            boolean followRedirects,
            int maxResponseMs,
            int timeoutSeconds,
            int intervalSeconds,
            int failuresToDown,
            int successesToUp,
            boolean ignoreTls,
            boolean enabled) {
        String url = rawUrl.strip();
        if (url.length() > 2048) {
            throw new InvalidInputException("url", "url must be at most 2048 characters");
        }
        MonitorType type;
        if (typeText == null || typeText.isBlank()) {
            type = url.toLowerCase(Locale.ROOT).startsWith("tcp://") ? MonitorType.TCP : MonitorType.HTTP;
        } else {
            type = MonitorType.parse(typeText)
                    .orElseThrow(() -> new InvalidInputException("type", "type must be http or tcp"));
        }
        String normalUrl;
        String host;
        if (type == MonitorType.HTTP) {
            URI uri = policy.checkUserUrl("url", url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new InvalidInputException("url", "url of an http monitor must start with http:// or https://");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidInputException(
                        "url", "url must not carry credentials; send them as an Authorization header instead");
            }
            normalUrl = uri.toString();
            host = uri.getHost().toLowerCase(Locale.ROOT);
        } else {
            String hostPort = url.toLowerCase(Locale.ROOT).startsWith("tcp://") ? url.substring(6) : url;
            if (hostPort.endsWith("/")) {
                hostPort = hostPort.substring(0, hostPort.length() - 1);
            }
            URI uri;
            try {
                uri = new URI("tcp://" + hostPort);
            } catch (URISyntaxException e) {
                throw new InvalidInputException("url", "url of a tcp monitor must look like tcp://host:port");
            }
            if (uri.getHost() == null
                    || uri.getPort() < 1
                    || uri.getPort() > 65535
                    || uri.getRawPath().length() > 0
                    || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null) {
                throw new InvalidInputException("url", "url of a tcp monitor must look like tcp://host:port");
            }
            // the policy checks the address whatever the scheme
            policy.checkUserUrl("url", "http://" + hostPort + "/");
            host = uri.getHost().toLowerCase(Locale.ROOT);
            normalUrl = "tcp://" + host + ":" + uri.getPort();
            if (host.contains(":") && !host.startsWith("[")) {
                normalUrl = "tcp://[" + host + "]:" + uri.getPort();
            }
        }
        String display = name == null || name.isBlank() ? host : name;
        display = Validate.requiredText("name", display, 200);
        String m = Validate.oneOf("method", method.toUpperCase(Locale.ROOT), METHODS);
        StatusSet.Result statuses = StatusSet.parse(expectedStatus);
        if (statuses.set().isEmpty()) {
            throw new InvalidInputException("expected_status", "expected_status " + statuses.problem());
        }
        String word = keyword == null || keyword.isEmpty() ? null : keyword;
        if (word != null && word.length() > 500) {
            throw new InvalidInputException("keyword", "keyword must be at most 500 characters");
        }
        if (word != null && (word.indexOf('\r') >= 0 || word.indexOf('\n') >= 0)) {
            throw new InvalidInputException("keyword", "keyword must be one line");
        }
        if (word == null && keywordAbsent) {
            throw new InvalidInputException("keyword_absent", "keyword_absent needs a keyword");
        }
        if (type == MonitorType.TCP && word != null) {
            throw new InvalidInputException("keyword", "a tcp monitor has no page to look for a keyword in");
        }
        if (word != null && m.equals("HEAD")) {
            throw new InvalidInputException("keyword", "a HEAD request has no page to look for a keyword in");
        }
        Map<String, String> cleanHeaders = headers(headers);
        if (type == MonitorType.TCP && !cleanHeaders.isEmpty()) {
            throw new InvalidInputException("headers", "a tcp monitor sends no headers");
        }
        Validate.intInRange("max_response_ms", maxResponseMs, 0, 600_000);
        Validate.intInRange("timeout_seconds", timeoutSeconds, 1, MAX_TIMEOUT);
        Validate.intInRange("interval_seconds", intervalSeconds, MIN_INTERVAL, MAX_INTERVAL);
        if (timeoutSeconds >= intervalSeconds) {
            throw new InvalidInputException("timeout_seconds", "timeout_seconds must be shorter than interval_seconds");
        }
        Validate.intInRange("failures_to_down", failuresToDown, 1, 10);
        Validate.intInRange("successes_to_up", successesToUp, 1, 10);
        if (siteId != null && siteId <= 0) {
            throw new InvalidInputException("site_id", "site_id must be a positive site id");
        }
        return new Valid(
                display,
                type,
                normalUrl,
                host,
                siteId,
                m,
                statuses.set().get().toString(),
                word,
                keywordAbsent,
                cleanHeaders,
                followRedirects,
                maxResponseMs,
                timeoutSeconds,
                intervalSeconds,
                failuresToDown,
                successesToUp,
                ignoreTls,
                enabled);
    }

    private static Map<String, String> headers(Map<String, String> headers) {
        if (headers.size() > 20) {
            throw new InvalidInputException("headers", "headers may hold at most 20 headers");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String name = h.getKey() == null ? "" : h.getKey().strip();
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new InvalidInputException(
                        "headers", "header name '" + name + "' is not a valid HTTP header name");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("headers", "header " + name + " is set by the check itself");
            }
            String value = h.getValue() == null ? "" : h.getValue();
            if (value.length() > 2000 || value.chars().anyMatch(ch -> ch == '\r' || ch == '\n' || ch == 0)) {
                throw new InvalidInputException(
                        "headers", "header " + name + " must be one line of at most 2000 characters");
            }
            out.put(name, value);
        }
        return out;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
