package org.sitekeeper.core.api.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** What an HTTP {@code Authorization} header carries: a user name and password, or a bearer token. */
public sealed interface HttpCredentials {

    /** HTTP Basic: user name and password. */
    record Basic(String username, String password) implements HttpCredentials {
        @Override
        public String toString() {
            return "Basic[" + username + "]"; // never the password
        }
    }

    /** A bearer token (an API token {@code sk_…} or a plugin key). */
    record Bearer(String token) implements HttpCredentials {
        @Override
        public String toString() {
            return "Bearer[…]";
        }
    }

    /** Parses the header; empty when absent or not understood. */
    static Optional<HttpCredentials> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        String rest = value.substring(space + 1).strip();
        if ("bearer".equals(scheme) && !rest.isEmpty()) {
            return Optional.of(new Bearer(rest));
        }
        if ("basic".equals(scheme)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return Optional.of(new Basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
