package org.sitekeeper.core.api.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one policy every outbound call of the hub goes through (uptime checks, child sites, WHMCS,
 * WooCommerce, webhooks, SMTP). Only allowed schemes; host names are resolved and every address is checked
 * against deny ranges (loopback, private, link-local including cloud metadata, CGNAT, unspecified,
 * multicast, and their IPv6 and IPv4-mapped forms) unless the admin allow-list ({@code allowed_networks} of
 * configuration {@code org.sitekeeper.egress}) permits it. Callers connect to the addresses returned by
 * {@link #resolve}, never resolving again, so there is no DNS-rebinding window.
 */
@ProviderType
public interface EgressPolicy {

    /** Configuration PID of the policy. */
    String PID = "org.sitekeeper.egress";

    /**
     * Checks an address a user submitted (a site URL, a webhook URL): syntax, scheme, and every address the host
     * resolves to now. A host that does not resolve yet is accepted; the check at connection time still applies.
     *
     * @throws org.sitekeeper.core.api.error.InvalidInputException naming {@code field} when refused
     */
    URI checkUserUrl(String field, String url);

    /**
     * Resolves {@code host} and returns its addresses when every one of them is allowed.
     *
     * @throws EgressDeniedException when any address is in a denied range
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws EgressDeniedException, UnknownHostException;

    /** Why {@code address} is refused (e.g. {@code "loopback"}), or empty when it is allowed. */
    Optional<String> denialReason(InetAddress address);

    /** Whether outbound calls may use {@code scheme} ({@code http}, {@code https}, {@code smtp}, …). */
    boolean allowsScheme(String scheme);
}
