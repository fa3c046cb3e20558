package org.sitekeeper.uptime.api;

import java.util.Map;

/**
 * What a monitor checks and how, as a user submits it. For a new monitor {@code null} components take their
 * defaults; for a change {@code null} components stay as they are.
 *
 * @param name display name (default: the URL's host)
 * @param type {@code http} or {@code tcp}
 * @param url {@code http(s)://…} for HTTP; {@code tcp://host:port} or {@code host:port} for TCP
 * @param siteId the site it belongs to, or {@code null} for a standalone monitor
 * @param method HTTP method: GET, HEAD or POST (default GET)
 * @param expectedStatus accepted status codes, e.g. {@code 200-299} or {@code 200,301,302} (default 200-399)
 * @param keyword text the body must contain (or must not contain when {@code keywordAbsent})
 * @param keywordAbsent whether the keyword must be absent
 * @param headers request headers
 * @param followRedirects follow 3xx answers, each hop checked by the egress policy (default true)
 * @param maxResponseMs slower answers count as failures (cause {@code slow}); {@code 0} for no limit
 * @param timeoutSeconds hard deadline of one check, 1 to 60 (default 10)
 * @param intervalSeconds between checks, 30 to 86,400 (default 300)
 * @param failuresToDown consecutive failures before DOWN, 1 to 10 (default 2)
 * @param successesToUp consecutive successes before UP again, 1 to 10 (default 1)
 * @param ignoreTlsErrors accept invalid certificates (their expiry is still reported)
 * @param enabled whether it is checked (default true)
 */
public record MonitorSpec(
        String name,
        String type,
        String url,
        Long siteId,
        String method,
        String expectedStatus,
        String keyword,
        Boolean keywordAbsent,
        Map<String, String> headers,
        Boolean followRedirects,
        Integer maxResponseMs,
        Integer timeoutSeconds,
        Integer intervalSeconds,
        Integer failuresToDown,
        Integer successesToUp,
        Boolean ignoreTlsErrors,
        Boolean enabled) {

    public MonitorSpec {
        headers = headers == null ? null : Map.copyOf(headers);
    }

    /** A monitor of {@code url} with every other setting at its default. */
    public static MonitorSpec of(String type, String url) {
        return new MonitorSpec(
                null, type, url, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The same spec for the site {@code id}. */
    public MonitorSpec forSite(Long id) {
        return new MonitorSpec(
                name,
                type,
                url,
                id,
                method,
                expectedStatus,
                keyword,
                keywordAbsent,
                headers,
                followRedirects,
                maxResponseMs,
                timeoutSeconds,
                intervalSeconds,
                failuresToDown,
                successesToUp,
                ignoreTlsErrors,
                enabled);
    }
}
