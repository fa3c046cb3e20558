package org.sitekeeper.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Real servers for uptime checks to look at, all on {@link Notifications#RECEIVER_HOST} (which the test hub's
 * egress policy allows): a web server whose pages the test sets and which can be stopped and started again on the
 * same port, one that accepts and never answers, one that resets every connection, and an HTTPS server with a
 * fresh self-signed certificate. Closing the {@code Targets} stops every server it started.
 */
public final class Targets implements AutoCloseable {

    /** What a web target answers on one path. */
    public record Page(int status, Map<String, String> headers, String body) {

        public static Page ok(String body) {
            return new Page(200, Map.of("Content-Type", "text/html; charset=utf-8"), body);
        }

        public static Page status(int status) {
            return new Page(status, Map.of("Content-Type", "text/plain"), "status " + status);
        }

        public static Page redirect(String location) {
            return new Page(302, Map.of("Location", location), "");
        }
    }

    private final List<AutoCloseable> started = new CopyOnWriteArrayList<>();

    /** An HTTP server answering {@code 200 OK} on every path until told otherwise with {@link Web#page}. */
    public Web web() {
        Web web = new Web(null);
        started.add(web);
        return web;
    }

    /**
     * An HTTPS server with a new self-signed certificate for {@code 127.0.0.2}, made with the running JDK's
     * {@code keytool} in {@code dir}, valid for {@code validityDays} from now.
     */
    public Web https(Path dir, int validityDays) {
        Web web = new Web(selfSigned(dir, validityDays));
        started.add(web);
        return web;
    }

    /** Accepts connections and never answers a byte: a check of it can only time out. */
    public Raw hanging() {
        Raw raw = new Raw(false);
        started.add(raw);
        return raw;
    }

    /** Reads the start of each request, then resets the connection (SO_LINGER 0 and close: a TCP RST). */
    public Raw resetting() {
        Raw raw = new Raw(true);
        started.add(raw);
        return raw;
    }

    @Override
    public void close() {
        for (AutoCloseable target : started) {
            try {
                target.close();
            } catch (Exception e) {
                System.err.println("[itests] could not stop a target: " + e);
            }
        }
        started.clear();
    }

    // ---------------------------------------------------------------- web (HTTP and HTTPS)

    /** A web server on a fixed port: pages per path (longest prefix wins), stoppable and startable again. */
    public static final class Web implements AutoCloseable {

        private final SSLContext tls;
        private final int port;
        private final Map<String, Page> pages = new ConcurrentHashMap<>();
        private final AtomicInteger hits = new AtomicInteger();
        private final List<String> paths = new CopyOnWriteArrayList<>();
        private ExecutorService threads;
        private HttpServer server;

        private Web(SSLContext tls) {
            this.tls = tls;
            pages.put("/", Page.ok("<html><body>ok</body></html>"));
            this.port = bind(0);
        }

        /** Answers {@code page} on {@code path} and every path under it without a page of its own. */
        public Web page(String path, Page page) {
            pages.put(path, page);
            return this;
        }

        public int port() {
            return port;
        }

        /** {@code http(s)://127.0.0.2:<port><path>}. */
        public String url(String path) {
            return (tls == null ? "http" : "https") + "://" + Notifications.RECEIVER_HOST + ":" + port + path;
        }

        /** Requests answered so far. */
        public int hits() {
            return hits.get();
        }

        /** The paths of the requests answered so far, in order. */
        public List<String> paths() {
            return new ArrayList<>(paths);
        }

        public synchronized boolean isRunning() {
            return server != null;
        }

        /** Stops listening: connections to the port are refused until {@link #start()}. */
        public synchronized void stop() {
            if (server != null) {
                server.stop(0);
                threads.shutdownNow();
                server = null;
                threads = null;
            }
        }

        /** Listens again on the same port. */
        public synchronized void start() {
            if (server == null) {
                bind(port);
            }
        }

        private synchronized int bind(int wanted) {
            InetSocketAddress address = new InetSocketAddress(Notifications.RECEIVER_HOST, wanted);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                try {
                    HttpServer created;
                    if (tls == null) {
                        created = HttpServer.create(address, 50);
                    } else {
                        HttpsServer secure = HttpsServer.create(address, 50);
                        secure.setHttpsConfigurator(new HttpsConfigurator(tls));
                        created = secure;
                    }
                    threads = Executors.newCachedThreadPool();
                    created.setExecutor(threads);
                    created.createContext("/", this::handle);
                    created.start();
                    server = created;
                    return created.getAddress().getPort();
                } catch (BindException e) {
                    // the port may take a moment to be free again after a stop
                    if (System.nanoTime() > deadline) {
                        throw new UncheckedIOException("cannot listen on " + address + " again", e);
                    }
                    sleep(100);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot listen on " + address, e);
                }
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                String path = exchange.getRequestURI().getRawPath();
                paths.add(path);
                hits.incrementAndGet();
                Page page = pageFor(path);
                page.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(page.status(), head || body.length == 0 ? -1 : body.length);
                if (!head && body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            } finally {
                exchange.close();
            }
        }

        private Page pageFor(String path) {
            String best = "/";
            for (String prefix : pages.keySet()) {
                if (path.startsWith(prefix) && prefix.length() > best.length()) {
                    best = prefix;
                }
            }
            return pages.get(best);
        }

        @Override
        public void close() {
            stop();
        }
    }

    // ---------------------------------------------------------------- raw sockets

    /** A plain TCP listener that either holds every connection open silently or resets it. */
    public static final class Raw implements AutoCloseable {

        private final boolean reset;
        private final ServerSocket socket;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final AtomicInteger accepted = new AtomicInteger();
        private final Thread acceptor;

        private Raw(boolean reset) {
            this.reset = reset;
            try {
                socket = new ServerSocket(0, 50, InetAddress.getByName(Notifications.RECEIVER_HOST));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + Notifications.RECEIVER_HOST, e);
            }
            acceptor = new Thread(this::accept, (reset ? "resetting" : "hanging") + " target " + port());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public int port() {
            return socket.getLocalPort();
        }

        /** {@code http://127.0.0.2:<port><path>}. */
        public String url(String path) {
            return "http://" + Notifications.RECEIVER_HOST + ":" + port() + path;
        }

        /** Connections accepted so far. */
        public int accepted() {
            return accepted.get();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    accepted.incrementAndGet();
                    if (reset) {
                        resetAfterRequestStarts(connection);
                    } else {
                        held.add(connection); // never read, never answered, closed only when the target stops
                    }
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    System.err.println("[itests] target " + port() + ": " + e);
                }
            }
        }

        private static void resetAfterRequestStarts(Socket connection) {
            try (connection) {
                connection.setSoTimeout(2_000);
                try {
                    connection.getInputStream().read(new byte[1024]); // the request is on its way
                } catch (IOException timedOut) {
                    // reset anyway
                }
                connection.setSoLinger(true, 0); // close with RST instead of FIN
            } catch (IOException e) {
                // a reset is what the client is meant to see anyway
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            for (Socket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            try {
                acceptor.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- certificates

    /** The expiry of the certificate in a keystore made by {@link #https}, for the test to compare with. */
    public static Instant notAfter(Path dir) {
        try (InputStream in = Files.newInputStream(dir.resolve(KEYSTORE))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return ((X509Certificate) store.getCertificate(ALIAS)).getNotAfter().toInstant();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + dir.resolve(KEYSTORE), e);
        }
    }

    private static final String KEYSTORE = "target.p12";
    private static final String ALIAS = "target";
    private static final String PASSWORD = "itests-target";

    private static SSLContext selfSigned(Path dir, int validityDays) {
        try {
            Files.createDirectories(dir);
            Path keystore = dir.resolve(KEYSTORE);
            Files.deleteIfExists(keystore);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            ALIAS,
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            Integer.toString(validityDays),
                            "-dname",
                            "CN=" + Notifications.RECEIVER_HOST + ", O=Sitekeeper itests",
                            "-ext",
                            "SAN=ip:" + Notifications.RECEIVER_HOST,
                            "-keystore",
                            keystore.toString(),
                            "-storetype",
                            "PKCS12",
                            "-storepass",
                            PASSWORD,
                            "-keypass",
                            PASSWORD,
                            "-noprompt")
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a self-signed certificate in " + dir, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
