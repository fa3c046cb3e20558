package org.sitekeeper.core.jetty;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;

import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

import org.sitekeeper.core.api.egress.EgressPolicy;

/**
 * Resolves for Jetty's HTTP client through the egress policy: the connection then goes to exactly the
 * addresses that were checked, so a second DNS answer cannot redirect it (no rebinding window).
 */
public final class PolicyAddressResolver implements SocketAddressResolver {

    private final EgressPolicy policy;
    private final Executor executor;

    /** Resolves on {@code executor} (name lookups block): give it a bounded pool of its own. */
    public PolicyAddressResolver(EgressPolicy policy, Executor executor) {
        this.policy = policy;
        this.executor = executor;
    }

    @Override
    public void resolve(String host, int port, Promise<List<InetSocketAddress>> promise) {
        executor.execute(() -> {
            try {
                List<InetAddress> addresses = policy.resolve(host);
                promise.succeeded(addresses.stream()
                        .map(address -> new InetSocketAddress(address, port))
                        .toList());
            } catch (Exception e) {
                promise.failed(e);
            }
        });
    }
}
