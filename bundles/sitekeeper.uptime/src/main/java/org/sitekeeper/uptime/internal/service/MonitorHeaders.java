package org.sitekeeper.uptime.internal.service;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.sitekeeper.core.api.security.SecretBox;

/**
 * A monitor's custom request headers, sealed at rest: they often carry credentials (basic auth, API keys).
 * The sealing context binds them to their monitor, so they cannot be moved to another one.
 */
public final class MonitorHeaders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitorHeaders() {}

    static String context(long monitorId) {
        return "uptime.monitor." + monitorId + ".headers";
    }

    /** Seals the headers, or {@code null} when there are none. */
    public static String seal(SecretBox box, long monitorId, Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        try {
            return box.seal(JSON.writeValueAsString(new TreeMap<>(headers)), context(monitorId));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("headers cannot be written as JSON", e);
        }
    }

    /** The headers, or none. */
    public static Map<String, String> open(SecretBox box, long monitorId, String sealed) {
        if (sealed == null || sealed.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(
                    box.open(sealed, context(monitorId)), new TypeReference<TreeMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored headers of monitor " + monitorId + " cannot be read", e);
        }
    }
}
