package org.sitekeeper.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for Slack, a webhook receiver or an SMS gateway. It listens on
 * {@link Notifications#RECEIVER_HOST} (which the test hub's egress policy allows), records every request and
 * answers what the test's responder says (200 by default).
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Request(Instant at, String method, String path, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    /** An answer: status, headers and body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer ok() {
            return new Answer(200, Map.of(), "ok");
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), "status " + status);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Answer> responder = r -> Answer.ok();

    private Receiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(Notifications.RECEIVER_HOST, port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + Notifications.RECEIVER_HOST + ":" + port, e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A receiver on a free port. */
    public static Receiver start() {
        return new Receiver(0);
    }

    /** A receiver on a given port (e.g. one a channel already points at). */
    public static Receiver start(int port) {
        return new Receiver(port);
    }

    public Receiver answer(Function<Request, Answer> responder) {
        this.responder = responder;
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.2:<port><path>}. */
    public String url(String path) {
        return "http://" + Notifications.RECEIVER_HOST + ":" + port() + path;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Request request = new Request(
                    Instant.now(),
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null
                                    ? ""
                                    : "?" + exchange.getRequestURI().getRawQuery()),
                    headers,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Answer answer = responder.apply(request);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
