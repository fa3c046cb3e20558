package org.sitekeeper.sites.internal.domain;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sitekeeper.core.api.error.InvalidInputException;

/**
 * Validates and normalises site URLs so that one site has one spelling: http or https only, lower-case
 * host (international names in their ASCII form), default port dropped, no trailing slash, no credentials,
 * no query; a fragment is dropped.
 */
public final class SiteUrls {

    public static final int MAX_LENGTH = 2000;
    private static final Pattern SHAPE =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([^?#]*)(\\?[^#]*)?(#.*)?");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
    private static final Pattern BAD_PATH = Pattern.compile("[\\s\\p{Cntrl}\"<>\\\\^`{|}]");

    private SiteUrls() {}

    /**
     * The normal form of {@code raw}.
     *
     * @throws InvalidInputException naming {@code field} when it is not an acceptable site URL
     */
    public static String normalize(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.missing(field);
        }
        String text = raw.strip();
        if (text.length() > MAX_LENGTH) {
            throw invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw invalid(field, text.contains("://") ? "is not a valid URL" : "must start with http:// or https://");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(field, "must use http or https");
        }
        String authority = m.group(2);
        if (authority.contains("@")) {
            throw invalid(field, "must not contain a user name or password");
        }
        if (m.group(4) != null && m.group(4).length() > 1) {
            throw invalid(field, "must not have a query string (?…)");
        }
        String[] hostPort = splitAuthority(field, authority);
        String host = host(field, hostPort[0]);
        String port = port(field, scheme, hostPort[1]);
        String path = path(field, m.group(3));
        String normal = scheme + "://" + host + port + path;
        try {
            new URI(normal); // last check that the whole is a URI
        } catch (URISyntaxException e) {
            throw invalid(field, "is not a valid URL");
        }
        return normal;
    }

    /** The host of a normalised URL. */
    public static String hostOf(String normalUrl) {
        String rest = normalUrl.substring(normalUrl.indexOf("://") + 3);
        int end = rest.indexOf('/');
        String authority = end < 0 ? rest : rest.substring(0, end);
        if (authority.startsWith("[")) {
            return authority.substring(0, authority.indexOf(']') + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static String[] splitAuthority(String field, String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid(field, "has an unclosed IPv6 address");
            }
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw invalid(field, "is not a valid URL");
            }
            return new String[] {authority.substring(0, close + 1), rest.isEmpty() ? null : rest.substring(1)};
        }
        int colon = authority.lastIndexOf(':');
        if (colon < 0) {
            return new String[] {authority, null};
        }
        return new String[] {authority.substring(0, colon), authority.substring(colon + 1)};
    }

    private static String host(String field, String raw) {
        if (raw.isEmpty()) {
            throw invalid(field, "must have a host name");
        }
        String host = raw.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            String inner = host.substring(1, host.length() - 1);
            if (!IPV6.matcher(inner).matches() || !inner.contains(":")) {
                throw invalid(field, "has an invalid IPv6 address");
            }
            return host;
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (IPV4.matcher(host).matches()) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw invalid(field, "has an invalid IPv4 address");
                }
            }
            return host;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "has an invalid host name");
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            throw invalid(field, "has an invalid host name");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(field, "has an invalid host name");
            }
        }
        return ascii;
    }

    private static String port(String field, String scheme, String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        int port;
        try {
            port = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw invalid(field, "has an invalid port");
        }
        if (port < 1 || port > 65535) {
            throw invalid(field, "has an invalid port");
        }
        boolean standard = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return standard ? "" : ":" + port;
    }

    private static String path(String field, String raw) {
        if (BAD_PATH.matcher(raw).find()) {
            throw invalid(field, "has characters that must be percent-encoded in its path");
        }
        String path = raw;
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static InvalidInputException invalid(String field, String problem) {
        return new InvalidInputException(field, field + " " + problem);
    }
}
