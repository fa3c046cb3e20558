package org.sitekeeper.notifications.email.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;

import org.sitekeeper.core.api.error.InvalidInputException;

/**
 * The settings of one email channel, checked. The same check reads what staff send and what is stored, so a
 * delivery never works from settings that would not pass validation today.
 */
record SmtpSettings(
        String host,
        int port,
        Security security,
        String username,
        String password,
        InternetAddress from,
        InternetAddress replyTo,
        int timeoutSeconds) {

    static final int DEFAULT_TIMEOUT_SECONDS = 20;
    static final int MAX_TIMEOUT_SECONDS = 120;

    /** A DNS name or an IPv4 address: letters, digits and hyphens in dot-separated labels. */
    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    /** What may be an IPv6 address literal; starting with a hex digit or colon, Java parses it without DNS. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f]{0,4}(:[0-9a-f.]{0,15}){2,8}");

    /**
     * Checks settings; does not look at the network (the channel asks the egress policy separately).
     *
     * @throws InvalidInputException naming {@code config.<field>}
     */
    static SmtpSettings read(Map<String, Object> config) {
        ConfigReader reader = new ConfigReader(config);
        String host = host(reader.text("host", true, 255));
        Security security = reader.security("security", Security.STARTTLS);
        int port = reader.integer("port", security.defaultPort, 1, 65535);
        String username = reader.text("username", false, 320);
        String password = reader.secret("password", 500);
        if (username != null && password == null) {
            throw InvalidInputException.missing(ConfigReader.field("password"));
        }
        if (password != null && username == null) {
            throw InvalidInputException.missing(ConfigReader.field("username"));
        }
        if (username != null && security == Security.NONE) {
            // AUTH PLAIN/LOGIN over a plain connection hands the password to anyone on the path
            throw new InvalidInputException(
                    ConfigReader.field("security"),
                    ConfigReader.field("security") + " must be starttls or tls when a username and password are set");
        }
        InternetAddress from = Addresses.mailbox(ConfigReader.field("from"), reader.text("from", true, 400));
        String replyTo = reader.text("reply_to", false, 400);
        int timeout = reader.integer("timeout_seconds", DEFAULT_TIMEOUT_SECONDS, 1, MAX_TIMEOUT_SECONDS);
        return new SmtpSettings(
                host,
                port,
                security,
                username,
                password,
                from,
                replyTo == null ? null : Addresses.mailbox(ConfigReader.field("reply_to"), replyTo),
                timeout);
    }

    private static String host(String value) {
        String host = value.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (HOST_NAME.matcher(host).matches() || (IPV6.matcher(host).matches() && isIpv6Literal(host))) {
            return host;
        }
        String field = ConfigReader.field("host");
        throw new InvalidInputException(
                field, field + " must be a host name or IP address, without scheme or port (e.g. smtp.example.com)");
    }

    private static boolean isIpv6Literal(String host) {
        try {
            return InetAddress.getByName(host) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The settings to store: defaults filled in, numbers as {@link Integer}, absent ones left out. */
    Map<String, Object> toConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("host", host);
        config.put("port", port);
        config.put("security", security.key());
        if (username != null) {
            config.put("username", username);
            config.put("password", password);
        }
        config.put("from", Addresses.format(from));
        if (replyTo != null) {
            config.put("reply_to", Addresses.format(replyTo));
        }
        config.put("timeout_seconds", timeoutSeconds);
        return config;
    }

    /** Without the password, so that settings can never leak it into a log. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security.key() + ", user "
                + (username == null ? "none" : username + " (password set)") + ", from " + from.getAddress() + "]";
    }
}
