package org.sitekeeper.core.internal.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.egress.EgressDeniedException;
import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.error.InvalidInputException;

/** The egress policy, configured by {@code org.sitekeeper.egress}; changes apply at once. */
@Component(configurationPid = EgressPolicy.PID)
@Designate(ocd = EgressPolicyImpl.Config.class)
public final class EgressPolicyImpl implements EgressPolicy {

    @ObjectClassDefinition(
            name = "Sitekeeper egress policy",
            description = "Which addresses the hub may call out to. Loopback, private, link-local (cloud metadata), "
                    + "CGNAT and other special ranges are refused unless allowed here.")
    public @interface Config {
        @AttributeDefinition(
                name = "Allowed networks",
                description = "Comma-separated CIDR blocks the hub may reach even though they are in a denied "
                        + "range, e.g. 127.0.0.0/8 for sites on this machine or 10.20.0.0/16 for an internal network.")
        String allowed__networks() default "";

        @AttributeDefinition(
                name = "Further denied networks",
                description = "Comma-separated CIDR blocks refused in addition to the built-in ranges.")
        String denied__networks() default "";

        @AttributeDefinition(name = "Allowed schemes", description = "Comma-separated URL schemes for outbound HTTP.")
        String allowed__schemes() default "http,https";
    }

    /** Resolves host names; replaced in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(EgressPolicyImpl.class);
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Resolver resolver;
    private volatile EgressRules rules;

    @Activate
    public EgressPolicyImpl(Config config) {
        this(config, InetAddress::getAllByName);
    }

    EgressPolicyImpl(Config config, Resolver resolver) {
        this.resolver = resolver;
        this.rules = rules(config);
    }

    @Modified
    void modified(Config config) {
        this.rules = rules(config);
        LOG.info("Egress policy changed: allowed networks [{}]", config.allowed__networks());
    }

    private static EgressRules rules(Config config) {
        return new EgressRules(
                new LinkedHashSet<>(split(config.allowed__schemes())),
                split(config.denied__networks()),
                split(config.allowed__networks()));
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public URI checkUserUrl(String field, String url) {
        if (url == null || url.isBlank()) {
            throw InvalidInputException.missing(field);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, field + " is not a valid URL: " + e.getReason());
        }
        EgressRules current = rules;
        if (uri.getScheme() == null || !current.allowsScheme(uri.getScheme())) {
            throw new InvalidInputException(
                    field, field + " must use one of the schemes " + String.join(", ", current.schemes()));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException(field, field + " must have a host name");
        }
        if (isAmbiguousNumericHost(uri.getHost())) {
            // Java reads 0177.0.0.1 as 177.0.0.1, curl and browsers as 127.0.0.1: refuse what means two things
            throw new InvalidInputException(
                    field,
                    field + " has a numeric host in a non-standard form (" + uri.getHost()
                            + "); write the address as four decimal numbers without leading zeros, like 192.0.2.10");
        }
        try {
            resolve(uri.getHost());
        } catch (EgressDeniedException e) {
            throw new InvalidInputException(
                    field,
                    field + " points to " + e.reason() + " (" + e.target() + "), which the egress policy refuses; "
                            + "an admin can allow it with allowed_networks in " + PID);
        } catch (UnknownHostException e) {
            LOG.debug("{} does not resolve yet; it is checked again when the hub connects", uri.getHost());
        }
        return uri;
    }

    /**
     * A host of digits and dots (or a single number) that is not a plain dotted quad: octal parts (leading zeros),
     * or fewer than four parts. Resolvers disagree on what some of these mean, and none is how
     * anyone writes an address on purpose.
     */
    static boolean isAmbiguousNumericHost(String host) {
        if (!host.matches("[0-9.]+")) {
            return false;
        }
        if (!host.contains(".")) {
            return false; // one 32-bit number: every resolver reads it alike; it is judged by its address
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return true;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.startsWith("0"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<InetAddress> resolve(String host) throws EgressDeniedException, UnknownHostException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses =
                isLiteral(name) ? new InetAddress[] {InetAddress.getByName(name)} : resolver.resolve(name);
        EgressRules current = rules;
        for (InetAddress address : addresses) {
            Optional<String> reason = current.denialReason(address);
            if (reason.isPresent()) {
                throw new EgressDeniedException(address.getHostAddress(), reason.get());
            }
        }
        return List.of(addresses);
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4_LITERAL.matcher(host).matches();
    }

    @Override
    public Optional<String> denialReason(InetAddress address) {
        return rules.denialReason(address);
    }

    @Override
    public boolean allowsScheme(String scheme) {
        return rules.allowsScheme(scheme);
    }
}
