package org.sitekeeper.core.internal.egress;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Response;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.BytesContentProvider;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import org.sitekeeper.core.api.egress.EgressDeniedException;
import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.egress.OutboundHttp;
import org.sitekeeper.core.api.egress.OutboundRequest;
import org.sitekeeper.core.api.egress.OutboundResponse;
import org.sitekeeper.core.jetty.PolicyAddressResolver;

/**
 * {@link OutboundHttp} on Jetty's non-blocking client. Every hop (first request and each redirect) is
 * checked: scheme against the policy, host resolved through the policy and connected to the checked address.
 */
@Component(configurationPid = "org.sitekeeper.http")
@Designate(ocd = JettyOutboundHttp.Config.class)
public final class JettyOutboundHttp implements OutboundHttp {

    @ObjectClassDefinition(name = "Sitekeeper outbound HTTP", description = "The hub's HTTP client for outbound calls.")
    public @interface Config {
        @AttributeDefinition(name = "Connect timeout (seconds)")
        int connect__timeout__seconds() default 10;

        @AttributeDefinition(name = "Connections per destination")
        int max__connections__per__destination() default 16;

        @AttributeDefinition(name = "Client threads", description = "Threads for I/O, DNS and callbacks.")
        int max__threads() default 64;

        @AttributeDefinition(name = "Most redirects followed")
        int max__redirects() default 5;

        @AttributeDefinition(name = "User agent")
        String user__agent() default "Sitekeeper";
    }

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Request headers that carry credentials, never sent on to another origin by a redirect. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "proxy-authorization", "cookie");

    private final EgressPolicy policy;
    private final HttpClient client;
    private final int maxRedirects;

    @Activate
    public JettyOutboundHttp(@Reference EgressPolicy policy, Config config) throws Exception {
        this.policy = policy;
        this.maxRedirects = config.max__redirects();
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        ssl.setEndpointIdentificationAlgorithm("HTTPS");
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, config.max__threads()), 2);
        threads.setName("sitekeeper-http");
        threads.setDaemon(true);
        this.client = new HttpClient(ssl);
        client.setExecutor(threads);
        client.setSocketAddressResolver(new PolicyAddressResolver(policy, threads));
        client.setFollowRedirects(false);
        client.setConnectTimeout(TimeUnit.SECONDS.toMillis(config.connect__timeout__seconds()));
        client.setIdleTimeout(TimeUnit.SECONDS.toMillis(60));
        client.setMaxConnectionsPerDestination(config.max__connections__per__destination());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, config.user__agent()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(HttpClient.class.getClassLoader());
        try {
            client.start();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        client.stop();
    }

    @Override
    public CompletableFuture<OutboundResponse> send(OutboundRequest request) {
        CompletableFuture<OutboundResponse> result = new CompletableFuture<>();
        long deadline = System.nanoTime() + request.timeout().toNanos();
        hop(
                request,
                request.uri(),
                request.method(),
                request.headers(),
                request.body(),
                0,
                deadline,
                System.nanoTime(),
                result);
        return result;
    }

    private void hop(
            OutboundRequest original,
            URI uri,
            String method,
            Map<String, List<String>> headers,
            byte[] body,
            int hops,
            long deadline,
            long started,
            CompletableFuture<OutboundResponse> result) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            result.completeExceptionally(timeout(original));
            return;
        }
        if (uri.getScheme() == null || !policy.allowsScheme(uri.getScheme())) {
            result.completeExceptionally(new EgressDeniedException(uri.toString(), "scheme not allowed"));
            return;
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            result.completeExceptionally(new IOException("no host in " + uri));
            return;
        }
        try {
            Request request = client.newRequest(uri).method(method).timeout(remaining, TimeUnit.NANOSECONDS);
            headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
            if (body != null) {
                String type = headers.getOrDefault("Content-Type", List.of("application/octet-stream"))
                        .get(0);
                request.content(new BytesContentProvider(type, body));
            }
            request.send(new Collector(original.maxResponseBytes()) {
                @Override
                void done(Response response, byte[] content, boolean truncated, Throwable failure) {
                    if (failure != null) {
                        result.completeExceptionally(unwrap(failure, original));
                        return;
                    }
                    String location = response.getHeaders().get(HttpHeader.LOCATION);
                    if (original.followRedirects() && REDIRECTS.contains(response.getStatus()) && location != null) {
                        if (hops >= maxRedirects) {
                            result.completeExceptionally(new IOException("more than " + maxRedirects + " redirects"));
                            return;
                        }
                        URI next;
                        try {
                            next = uri.resolve(location.strip());
                        } catch (IllegalArgumentException e) {
                            result.completeExceptionally(new IOException("invalid redirect location from " + uri));
                            return;
                        }
                        boolean toGet = response.getStatus() == 303
                                || ((response.getStatus() == 301 || response.getStatus() == 302)
                                        && "POST".equals(method));
                        hop(
                                original,
                                next,
                                toGet ? "GET" : method,
                                redirectHeaders(headers, uri, next, toGet),
                                toGet ? null : body,
                                hops + 1,
                                deadline,
                                started,
                                result);
                        return;
                    }
                    result.complete(new OutboundResponse(
                            response.getStatus(),
                            headers(response),
                            content,
                            truncated,
                            uri,
                            Duration.ofNanos(System.nanoTime() - started)));
                }
            });
        } catch (RuntimeException e) { // a request Jetty cannot make must still end the exchange
            result.completeExceptionally(new IOException("cannot send to " + uri + ": " + e.getMessage(), e));
        }
    }

    /**
     * The headers of the next hop: credentials go only to the origin they were meant for, and headers describing
     * the body go only with the body.
     */
    static Map<String, List<String>> redirectHeaders(
            Map<String, List<String>> headers, URI from, URI to, boolean bodyDropped) {
        boolean sameOrigin = sameOrigin(from, to);
        Map<String, List<String>> next = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            boolean credential = CREDENTIALS.contains(lower);
            boolean content = lower.startsWith("content-");
            if ((sameOrigin || !credential) && !(bodyDropped && content)) {
                next.put(name, values);
            }
        });
        return next;
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> headers = new HashMap<>();
        for (HttpField field : response.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(field.getValue());
        }
        return headers;
    }

    private static Throwable unwrap(Throwable failure, OutboundRequest request) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EgressDeniedException) {
                return t;
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return timeout(request);
            }
        }
        return failure instanceof IOException ? failure : new IOException(failure.getMessage(), failure);
    }

    private static SocketTimeoutException timeout(OutboundRequest request) {
        return new SocketTimeoutException(
                "no complete response within " + request.timeout().toMillis() + " ms");
    }

    /** Keeps at most {@code max} bytes of the body and discards the rest. */
    private abstract static class Collector extends Response.Listener.Adapter {
        private final int max;
        private byte[] buffer = new byte[0];
        private int size;
        private boolean truncated;

        Collector(int max) {
            this.max = max;
        }

        @Override
        public void onContent(Response response, ByteBuffer content) {
            int room = max - size;
            int take = Math.min(room, content.remaining());
            if (take < content.remaining()) {
                truncated = true;
            }
            if (take > 0) {
                if (size + take > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.min(max, Math.max(size + take, buffer.length * 2)));
                }
                content.get(buffer, size, take);
                size += take;
            }
        }

        @Override
        public void onComplete(Result result) {
            done(result.getResponse(), java.util.Arrays.copyOf(buffer, size), truncated, result.getFailure());
        }

        abstract void done(Response response, byte[] content, boolean truncated, Throwable failure);
    }
}
