package org.sitekeeper.notifications.email.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sitekeeper.core.api.egress.EgressDeniedException;
import org.sitekeeper.core.api.egress.EgressPolicy;

/**
 * An egress policy with a fixed answer per host name and no DNS at all: tests use names under {@code .test}, which
 * do not resolve, so a delivery that works proves the channel connected to what the policy returned.
 */
final class FakeEgress implements EgressPolicy {

    private final Map<String, InetAddress> allowed = new ConcurrentHashMap<>();
    private final Map<String, String> denied = new ConcurrentHashMap<>();
    final List<String> resolved = new CopyOnWriteArrayList<>();

    /** {@code host} resolves to {@code address} (a literal) and is allowed. */
    FakeEgress allow(String host, String address) {
        try {
            allowed.put(host, InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
        return this;
    }

    /** {@code host} is refused, e.g. as {@code loopback}. */
    FakeEgress deny(String host, String reason) {
        denied.put(host, reason);
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) throws EgressDeniedException, UnknownHostException {
        resolved.add(host);
        if (denied.containsKey(host)) {
            throw new EgressDeniedException(host, denied.get(host));
        }
        InetAddress address = allowed.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return List.of(address);
    }

    @Override
    public URI checkUserUrl(String field, String url) {
        throw new UnsupportedOperationException("the email channel has no URLs");
    }

    @Override
    public Optional<String> denialReason(InetAddress address) {
        return Optional.empty();
    }

    @Override
    public boolean allowsScheme(String scheme) {
        // like the hub's default: only http and https; the email channel must not depend on it
        return "http".equals(scheme) || "https".equals(scheme);
    }
}
