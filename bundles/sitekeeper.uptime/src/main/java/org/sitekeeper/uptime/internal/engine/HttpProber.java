package org.sitekeeper.uptime.internal.engine;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Response;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.http.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.jetty.PolicyAddressResolver;
import org.sitekeeper.uptime.api.FailureCause;
import org.sitekeeper.uptime.internal.domain.Expectations;
import org.sitekeeper.uptime.internal.domain.FailureCauses;
import org.sitekeeper.uptime.internal.domain.Probe;

/**
 * HTTP(S) checks on Jetty's non-blocking client: a fresh connection per check (what a visitor gets), every
 * connection to an address the egress policy resolved and allowed, redirects followed hop by hop (each hop
 * checked again, custom headers only to the first origin), a hard deadline over the whole exchange, the body
 * read only as far as a keyword needs, the certificate recorded.
 */
final class HttpProber implements AutoCloseable {

    static final int MAX_BODY = 1024 * 1024;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_HOPS = 5;
    /** An answer this much later than its deadline means the hub was starved, not the target slow. */
    static final long OVERRUN_MILLIS = 2_000;

    private final EgressPolicy policy;
    private final Map<String, Probe.CertificateInfo> certificates = CertificateCapture.memory();
    private final HttpClient strict;
    private final HttpClient lenient;
    private final QueuedThreadPool threads;
    private final ScheduledExecutorScheduler scheduler;

    HttpProber(EgressPolicy policy, Executor resolver, int maxThreads, String userAgent) throws Exception {
        this.policy = policy;
        this.threads = new QueuedThreadPool(Math.max(16, maxThreads), 8);
        threads.setName("sitekeeper-uptime-http");
        threads.setDaemon(true);
        threads.start();
        this.scheduler = new ScheduledExecutorScheduler("sitekeeper-uptime-timer", true);
        scheduler.start();
        this.strict = client(true, resolver, userAgent, scheduler);
        this.lenient = client(false, resolver, userAgent, scheduler);
    }

    private HttpClient client(boolean strictTls, Executor resolver, String userAgent, ScheduledExecutorScheduler timer)
            throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new CertificateCapture(strictTls, certificates)}, null);
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        ssl.setSslContext(context);
        ssl.setEndpointIdentificationAlgorithm("HTTPS");
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(2), ssl);
        client.setExecutor(threads);
        client.setScheduler(timer);
        client.setSocketAddressResolver(new PolicyAddressResolver(policy, resolver));
        client.setFollowRedirects(false);
        client.setConnectTimeout(30_000);
        client.setIdleTimeout(60_000);
        client.setMaxConnectionsPerDestination(256);
        client.setMaxRequestsQueuedPerDestination(4096);
        client.setRemoveIdleDestinations(true);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, userAgent));
        client.setCookieStore(new NoCookies());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(HttpClient.class.getClassLoader());
        try {
            client.start();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        return client;
    }

    CompletableFuture<Probe> check(CheckSpec spec) {
        CompletableFuture<Probe> result = new CompletableFuture<>();
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        long deadline = started + spec.timeout().toNanos();
        hop(spec, spec.url(), spec.method(), 0, started, deadline, startedAt, result);
        return result;
    }

    private void hop(
            CheckSpec spec,
            URI uri,
            String method,
            int hops,
            long started,
            long deadline,
            Instant startedAt,
            CompletableFuture<Probe> result) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            result.complete(failure(spec, FailureCause.TIMEOUT, timeoutText(spec), started, startedAt, null));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || !policy.allowsScheme(scheme)) {
            result.complete(failure(
                    spec, FailureCause.REFUSED, "the scheme of " + uri + " is not allowed", started, startedAt, null));
            return;
        }
        if (uri.getHost() == null) {
            result.complete(failure(spec, FailureCause.ERROR, "no host in " + uri, started, startedAt, null));
            return;
        }
        try {
            Request request = (spec.ignoreTls() ? lenient : strict)
                    .newRequest(uri)
                    .method(method)
                    .timeout(remaining, TimeUnit.NANOSECONDS)
                    .header(HttpHeader.CONNECTION, "close")
                    .header(HttpHeader.ACCEPT, "text/html,application/json;q=0.9,*/*;q=0.8");
            if (hops == 0) {
                spec.headers().forEach(request::header);
            } else if (sameOrigin(spec.url(), uri)) {
                spec.headers().forEach(request::header);
            }
            boolean readBody = spec.keyword() != null && !"HEAD".equals(method);
            request.send(new Response.Listener.Adapter() {
                private byte[] body = new byte[0];
                private int size;

                @Override
                public void onContent(Response response, ByteBuffer content) {
                    if (!readBody || size >= MAX_BODY) {
                        content.position(content.limit());
                        return;
                    }
                    int take = Math.min(MAX_BODY - size, content.remaining());
                    if (size + take > body.length) {
                        body = Arrays.copyOf(body, Math.min(MAX_BODY, Math.max(size + take, body.length * 2)));
                    }
                    content.get(body, size, take);
                    size += take;
                    content.position(content.limit());
                }

                @Override
                public void onComplete(Result done) {
                    long now = System.nanoTime();
                    Probe.CertificateInfo certificate = certificateOf(uri);
                    if (done.getFailure() != null) {
                        Throwable failure = done.getFailure();
                        FailureCause cause = FailureCauses.of(failure);
                        String detail =
                                cause == FailureCause.TIMEOUT ? timeoutText(spec) : FailureCauses.describe(failure);
                        if (cause == FailureCause.TLS && certificate != null && certificate.problem() != null) {
                            detail = "certificate: " + certificate.problem();
                        }
                        result.complete(failure(spec, cause, detail, started, startedAt, certificate));
                        return;
                    }
                    Response response = done.getResponse();
                    int status = response.getStatus();
                    String location = response.getHeaders().get(HttpHeader.LOCATION);
                    if (spec.followRedirects() && REDIRECTS.contains(status) && location != null) {
                        if (hops >= MAX_HOPS) {
                            result.complete(failure(
                                    spec,
                                    FailureCause.ERROR,
                                    "more than " + MAX_HOPS + " redirects",
                                    started,
                                    startedAt,
                                    certificate));
                            return;
                        }
                        URI next;
                        try {
                            next = uri.resolve(location.strip());
                        } catch (IllegalArgumentException e) {
                            result.complete(failure(
                                    spec,
                                    FailureCause.ERROR,
                                    "invalid redirect location from " + uri,
                                    started,
                                    startedAt,
                                    certificate));
                            return;
                        }
                        String nextMethod = status == 303 || ((status == 301 || status == 302) && "POST".equals(method))
                                ? "GET"
                                : method;
                        hop(spec, next, nextMethod, hops + 1, started, deadline, startedAt, result);
                        return;
                    }
                    int elapsed = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(now - started));
                    Boolean hasKeyword = readBody
                            ? new String(body, 0, size, StandardCharsets.UTF_8).contains(spec.keyword())
                            : null;
                    Probe probe = Expectations.judge(
                            status,
                            elapsed,
                            spec.accepted(),
                            hasKeyword,
                            spec.keyword(),
                            spec.keywordAbsent(),
                            spec.maxResponseMs(),
                            certificate,
                            spec.ignoreTls(),
                            startedAt);
                    result.complete(probe);
                }
            });
        } catch (RuntimeException e) {
            result.complete(failure(spec, FailureCauses.of(e), FailureCauses.describe(e), started, startedAt, null));
        }
    }

    private Probe.CertificateInfo certificateOf(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        return certificates.get(CertificateCapture.key(uri.getHost(), port));
    }

    private static Probe failure(
            CheckSpec spec,
            FailureCause cause,
            String detail,
            long started,
            Instant startedAt,
            Probe.CertificateInfo certificate) {
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        boolean overran = elapsedMs > spec.timeout().toMillis() + OVERRUN_MILLIS;
        return new Probe(cause, detail, null, null, certificate, startedAt, overran);
    }

    private static String timeoutText(CheckSpec spec) {
        return "no complete answer within " + spec.timeout().toSeconds() + " s";
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

    @Override
    public void close() throws Exception {
        try {
            strict.stop();
        } finally {
            try {
                lenient.stop();
            } finally {
                scheduler.stop(); // its thread would outlive the bundle
                threads.stop();
            }
        }
    }

    /** Checks never keep cookies between them. */
    private static final class NoCookies implements java.net.CookieStore {
        @Override
        public void add(URI uri, java.net.HttpCookie cookie) {}

        @Override
        public java.util.List<java.net.HttpCookie> get(URI uri) {
            return java.util.List.of();
        }

        @Override
        public java.util.List<java.net.HttpCookie> getCookies() {
            return java.util.List.of();
        }

        @Override
        public java.util.List<URI> getURIs() {
            return java.util.List.of();
        }

        @Override
        public boolean remove(URI uri, java.net.HttpCookie cookie) {
            return false;
        }

        @Override
        public boolean removeAll() {
            return true;
        }
    }
}
