package org.sitekeeper.telemetry.internal.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * An installation is (merchant, cms, site): the site is its URL normalised (scheme and host lower-case, default port
 * and trailing slash dropped, no query or fragment), kept as a SHA-256 so that long URLs index well. No URL: {@code ""}.
 */
public final class SiteKeys {

    public static final int MAX_URL = 500;

    private SiteKeys() {}

    /** The normalised form of an http(s) URL, or empty when it is not one. */
    public static Optional<String> normalise(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return Optional.of(
                    scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The key of a normalised URL; {@code ""} for none. */
    public static String key(String normalisedUrl) {
        if (normalisedUrl == null || normalisedUrl.isEmpty()) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalisedUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
