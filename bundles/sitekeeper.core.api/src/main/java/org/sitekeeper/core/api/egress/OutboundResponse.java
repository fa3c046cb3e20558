package org.sitekeeper.core.api.egress;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An outbound HTTP response.
 *
 * @param status HTTP status
 * @param headers response headers, names in lower case
 * @param body the body, at most the request's {@code maxResponseBytes}
 * @param truncated whether the body was longer than kept
 * @param finalUri the URI that answered, after redirects
 * @param elapsed time from sending to the end of the body
 */
public record OutboundResponse(
        int status, Map<String, List<String>> headers, byte[] body, boolean truncated, URI finalUri, Duration elapsed) {

    public OutboundResponse {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
