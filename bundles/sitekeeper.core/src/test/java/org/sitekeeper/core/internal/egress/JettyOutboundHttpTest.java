package org.sitekeeper.core.internal.egress;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sitekeeper.core.api.egress.EgressDeniedException;
import org.sitekeeper.core.api.egress.OutboundRequest;
import org.sitekeeper.core.api.egress.OutboundResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against real HTTP servers on loopback addresses, with the egress policy in force. */
class JettyOutboundHttpTest {

    /** A request as the server saw it. */
    record Seen(String method, String path, Headers headers, byte[] body) {}

    /** A loopback HTTP server recording every request. */
    static final class Server {
        final HttpServer http;
        final ExecutorService threads = Executors.newCachedThreadPool();
        final Queue<Seen> seen = new ConcurrentLinkedQueue<>();

        Server(String address) throws IOException {
            http = HttpServer.create(new InetSocketAddress(address, 0), 0);
            http.setExecutor(threads);
            http.start();
        }

        int port() {
            return http.getAddress().getPort();
        }

        URI uri(String path) {
            return URI.create("http://" + http.getAddress().getAddress().getHostAddress() + ":" + port() + path);
        }

        void on(String path, Handler handler) {
            http.createContext(path, exchange -> {
                try (exchange) {
                    byte[] body;
                    try (InputStream in = exchange.getRequestBody()) {
                        body = in.readAllBytes();
                    }
                    Seen request = new Seen(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders(),
                            body);
                    seen.add(request);
                    handler.handle(exchange, request);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        void stop() {
            http.stop(0);
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, Seen request) throws IOException, InterruptedException;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    private static final EgressPolicyImpl.Resolver NO_DNS = host -> {
        throw new UnknownHostException("tests use literal addresses only: " + host);
    };

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<JettyOutboundHttp> clients = new ArrayList<>();
    private final List<Server> servers = new ArrayList<>();
    private Server server;

    @BeforeEach
    void startServer() throws IOException {
        server = server("127.0.0.1");
        server.on("/hello", (exchange, request) -> {
            exchange.getResponseHeaders().add("X-Custom-Header", "v");
            respond(exchange, 200, "hello");
        });
        server.on(
                "/echo",
                (exchange, request) -> respond(
                        exchange, 200, request.method() + " " + new String(request.body(), StandardCharsets.UTF_8)));
        server.on("/big", (exchange, request) -> respond(exchange, 200, "x".repeat(100_000)));
        server.on("/hang", (exchange, request) -> release.await());
    }

    private Server server(String address) throws IOException {
        Server started = new Server(address);
        servers.add(started);
        return started;
    }

    @AfterEach
    void stopEverything() throws Exception {
        release.countDown();
        for (JettyOutboundHttp client : clients) {
            client.deactivate();
        }
        servers.forEach(Server::stop);
    }

    private JettyOutboundHttp client(EgressConfig egress) throws Exception {
        return client(egress, new HttpConfig());
    }

    private JettyOutboundHttp client(EgressConfig egress, HttpConfig config) throws Exception {
        JettyOutboundHttp client = new JettyOutboundHttp(new EgressPolicyImpl(egress, NO_DNS), config);
        clients.add(client);
        return client;
    }

    private static OutboundResponse get(JettyOutboundHttp client, OutboundRequest request) throws Exception {
        return client.send(request).get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(JettyOutboundHttp client, OutboundRequest request) throws Exception {
        try {
            OutboundResponse response = client.send(request).get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure but got HTTP " + response.status());
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void refusesLoopbackWhenItIsNotAllowed() throws Exception {
        JettyOutboundHttp client = client(EgressConfig.defaults());

        Throwable failure =
                failure(client, OutboundRequest.get(server.uri("/hello")).build());

        assertThat(failure).isInstanceOfSatisfying(EgressDeniedException.class, e -> {
            assertThat(e.target()).isEqualTo("127.0.0.1");
            assertThat(e.reason()).isEqualTo("a loopback address");
        });
        assertThat(server.seen).isEmpty();
    }

    @Test
    void executeThrowsTheDenialItself() throws Exception {
        JettyOutboundHttp client = client(EgressConfig.defaults());

        assertThatThrownBy(() ->
                        client.execute(OutboundRequest.get(server.uri("/hello")).build()))
                .isInstanceOf(EgressDeniedException.class);
    }

    @Test
    void fetchesFromAnAllowedNetwork() throws Exception {
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        OutboundResponse response =
                get(client, OutboundRequest.get(server.uri("/hello")).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("hello");
        assertThat(response.truncated()).isFalse();
        assertThat(response.finalUri()).isEqualTo(server.uri("/hello"));
        assertThat(response.elapsed()).isPositive();
    }

    @Test
    void responseHeaderNamesAreLowerCase() throws Exception {
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        OutboundResponse response =
                get(client, OutboundRequest.get(server.uri("/hello")).build());

        assertThat(response.headers()).containsKey("x-custom-header").containsKey("content-length");
        assertThat(response.headers().keySet())
                .allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(response.header("X-Custom-Header")).contains("v");
    }

    @Test
    void sendsRequestHeadersAndTheUserAgent() throws Exception {
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        get(
                client,
                OutboundRequest.get(server.uri("/hello"))
                        .header("X-Site-Key", "abc")
                        .build());

        Seen request = server.seen.remove();
        assertThat(request.headers().getFirst("X-Site-Key")).isEqualTo("abc");
        assertThat(request.headers().getFirst("User-Agent")).isEqualTo("Sitekeeper-Test");
    }

    @Test
    void postsTheBodyWithItsContentType() throws Exception {
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        OutboundResponse response = get(
                client,
                OutboundRequest.post(server.uri("/echo"))
                        .body("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json")
                        .build());

        assertThat(response.bodyText()).isEqualTo("POST {\"a\":1}");
        assertThat(server.seen.remove().headers().getFirst("Content-Type")).startsWith("application/json");
    }

    @Test
    void refusesSchemesThePolicyDoesNotAllow() throws Exception {
        JettyOutboundHttp client = client(new EgressConfig("127.0.0.0/8", "", "https"));

        Throwable failure =
                failure(client, OutboundRequest.get(server.uri("/hello")).build());

        assertThat(failure).isInstanceOfSatisfying(EgressDeniedException.class, e -> assertThat(e.reason())
                .isEqualTo("scheme not allowed"));
        assertThat(server.seen).isEmpty();
    }

    @Test
    void doesNotFollowRedirectsUnlessAsked() throws Exception {
        server.on("/moved", (exchange, request) -> redirect(exchange, 302, "/hello"));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        OutboundResponse response =
                get(client, OutboundRequest.get(server.uri("/moved")).build());

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("location")).contains("/hello");
        assertThat(server.seen).extracting(Seen::path).containsExactly("/moved");
    }

    @Test
    void followsRedirectsWhenAsked() throws Exception {
        server.on("/moved", (exchange, request) -> redirect(exchange, 301, "/hello"));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        OutboundResponse response = get(
                client,
                OutboundRequest.get(server.uri("/moved")).followRedirects(true).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("hello");
        assertThat(response.finalUri()).isEqualTo(server.uri("/hello"));
    }

    @Test
    void seeOtherTurnsAPostIntoAGetWithoutBody() throws Exception {
        server.on("/form", (exchange, request) -> redirect(exchange, 303, "/echo"));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        OutboundResponse response = get(
                client,
                OutboundRequest.post(server.uri("/form"))
                        .body("name=shop".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
                        .followRedirects(true)
                        .build());

        assertThat(response.bodyText()).isEqualTo("GET ");
        assertThat(server.seen).extracting(Seen::method).containsExactly("POST", "GET");
    }

    @Test
    void temporaryRedirectKeepsMethodAndBody() throws Exception {
        server.on("/form", (exchange, request) -> redirect(exchange, 307, "/echo"));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        OutboundResponse response = get(
                client,
                OutboundRequest.post(server.uri("/form"))
                        .body("name=shop".getBytes(StandardCharsets.UTF_8), "text/plain")
                        .followRedirects(true)
                        .build());

        assertThat(response.bodyText()).isEqualTo("POST name=shop");
    }

    @Test
    void refusesARedirectToADeniedAddress() throws Exception {
        Server inside = server("127.0.0.2");
        inside.on("/", (exchange, request) -> respond(exchange, 200, "secret"));
        server.on(
                "/escape",
                (exchange, request) -> redirect(exchange, 302, inside.uri("/").toString()));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.1/32"));

        Throwable failure = failure(
                client,
                OutboundRequest.get(server.uri("/escape")).followRedirects(true).build());

        assertThat(failure).isInstanceOfSatisfying(EgressDeniedException.class, e -> assertThat(e.target())
                .isEqualTo("127.0.0.2"));
        assertThat(server.seen).extracting(Seen::path).containsExactly("/escape");
        assertThat(inside.seen).isEmpty();
    }

    @Test
    void keepsCredentialsOnARedirectWithinTheSameOrigin() throws Exception {
        server.on("/moved", (exchange, request) -> redirect(exchange, 302, "/hello"));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        get(
                client,
                OutboundRequest.get(server.uri("/moved"))
                        .header("Authorization", "Bearer site-key")
                        .followRedirects(true)
                        .build());

        assertThat(server.seen)
                .extracting(seen -> seen.headers().getFirst("Authorization"))
                .containsExactly("Bearer site-key", "Bearer site-key");
    }

    @Test
    void dropsCredentialsOnARedirectToAnotherOrigin() throws Exception {
        Server other = server("127.0.0.2");
        other.on("/", (exchange, request) -> respond(exchange, 200, "other"));
        server.on(
                "/away",
                (exchange, request) -> redirect(exchange, 302, other.uri("/").toString()));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        OutboundResponse response = get(
                client,
                OutboundRequest.get(server.uri("/away"))
                        .header("Authorization", "Basic c2l0ZTprZXk=")
                        .header("Cookie", "session=1")
                        .header("X-Trace", "kept")
                        .followRedirects(true)
                        .build());

        assertThat(response.bodyText()).isEqualTo("other");
        Headers headers = other.seen.remove().headers();
        assertThat(headers.containsKey("Authorization")).isFalse();
        assertThat(headers.containsKey("Cookie")).isFalse();
        assertThat(headers.getFirst("X-Trace")).isEqualTo("kept");
    }

    @Test
    void originIsSchemeHostAndEffectivePort() {
        URI site = URI.create("https://Shop.example.com/a");

        assertThat(JettyOutboundHttp.sameOrigin(site, URI.create("https://shop.example.com:443/b")))
                .isTrue();
        assertThat(JettyOutboundHttp.sameOrigin(site, URI.create("http://shop.example.com/a")))
                .isFalse();
        assertThat(JettyOutboundHttp.sameOrigin(site, URI.create("https://shop.example.com:8443/a")))
                .isFalse();
        assertThat(JettyOutboundHttp.sameOrigin(site, URI.create("https://evil.example.com/a")))
                .isFalse();
        assertThat(JettyOutboundHttp.sameOrigin(URI.create("http://a.example/"), URI.create("http://a.example:80/")))
                .isTrue();
    }

    @Test
    void theGetAfterSeeOtherCarriesNoContentType() throws Exception {
        server.on("/form", (exchange, request) -> redirect(exchange, 303, "/echo"));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        get(
                client,
                OutboundRequest.post(server.uri("/form"))
                        .body("name=shop".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded")
                        .followRedirects(true)
                        .build());

        server.seen.remove();
        assertThat(server.seen.remove().headers().containsKey("Content-Type")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://exa mple.com/", "http:///no-host", "http://[::1/"})
    void aMalformedRedirectLocationFailsTheRequest(String location) throws Exception {
        server.on("/broken", (exchange, request) -> redirect(exchange, 302, location));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));
        CompletableFuture<OutboundResponse> response = client.send(
                OutboundRequest.get(server.uri("/broken")).followRedirects(true).build());

        assertThatThrownBy(() -> response.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IOException.class);
    }

    @Test
    void refusesARedirectToAForbiddenScheme() throws Exception {
        server.on("/escape", (exchange, request) -> redirect(exchange, 302, "file:///etc/passwd"));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        Throwable failure = failure(
                client,
                OutboundRequest.get(server.uri("/escape")).followRedirects(true).build());

        assertThat(failure).isInstanceOf(EgressDeniedException.class);
    }

    @Test
    void stopsAfterTooManyRedirects() throws Exception {
        server.on("/loop", (exchange, request) -> redirect(exchange, 302, "/loop"));
        HttpConfig config = new HttpConfig();
        config.maxRedirects = 2;
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"), config);

        Throwable failure = failure(
                client,
                OutboundRequest.get(server.uri("/loop")).followRedirects(true).build());

        assertThat(failure).isInstanceOf(IOException.class).hasMessage("more than 2 redirects");
        assertThat(server.seen).hasSize(3);
    }

    @Test
    void truncatesTheBodyAtTheLimit() throws Exception {
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        OutboundResponse response = get(
                client,
                OutboundRequest.get(server.uri("/big")).maxResponseBytes(1000).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).hasSize(1000);
        assertThat(response.truncated()).isTrue();
    }

    @Test
    void aBodyExactlyAtTheLimitIsNotTruncated() throws Exception {
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        OutboundResponse response = get(
                client,
                OutboundRequest.get(server.uri("/big"))
                        .maxResponseBytes(100_000)
                        .build());

        assertThat(response.body()).hasSize(100_000);
        assertThat(response.truncated()).isFalse();
    }

    @Test
    void failsWithASocketTimeoutWhenTheServerNeverAnswers() throws Exception {
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));
        long start = System.nanoTime();

        Throwable failure = failure(
                client,
                OutboundRequest.get(server.uri("/hang"))
                        .timeout(Duration.ofMillis(300))
                        .build());

        assertThat(failure).isInstanceOf(SocketTimeoutException.class).hasMessage("no complete response within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRefusedConnectionIsAnIoFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        Throwable failure = failure(
                client,
                OutboundRequest.get(URI.create("http://127.0.0.1:" + closedPort + "/"))
                        .build());

        assertThat(failure).isInstanceOf(ConnectException.class);
    }

    @Test
    void concurrentRequestsEachGetTheirOwnBody() throws Exception {
        server.on(
                "/n",
                (exchange, request) ->
                        respond(exchange, 200, exchange.getRequestURI().getQuery()));
        JettyOutboundHttp client = client(EgressConfig.allowing("127.0.0.0/8"));

        List<CompletableFuture<OutboundResponse>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(client.send(OutboundRequest.get(server.uri("/n?" + i)).build()));
        }

        for (int i = 0; i < 10; i++) {
            assertThat(futures.get(i).get(10, TimeUnit.SECONDS).bodyText()).isEqualTo(String.valueOf(i));
        }
    }
}
