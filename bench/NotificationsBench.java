import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Load generator and webhook receiver for bench/notifications.sh (run with {@code java NotificationsBench.java}).
 *
 * <ol>
 *   <li>Intake: posts {@code --burst} alerts as fast as {@code --concurrency} clients can and measures how fast
 *       the hub writes them to the outbox ({@code intake.written} of {@code GET /api/v1/notifications/stats}).
 *   <li>Latency: posts alerts at a steady {@code --rate} per second for {@code --seconds}; each alert carries the
 *       time it was posted, and the receiver (a real HTTP server in this JVM, behind a signed webhook channel)
 *       records when its webhook arrived. Reports p50/p90/p99/max of event → webhook receipt.
 * </ol>
 *
 * Prints {@code key=value} lines that the shell script turns into the report.
 */
public final class NotificationsBench {

    private static final Pattern WRITTEN = Pattern.compile("\"written\"\\s*:\\s*(\\d+)");
    private static final Pattern PENDING = Pattern.compile("\"pending\"\\s*:\\s*(\\d+)");
    private static final Pattern SENT_AT = Pattern.compile("sent-at-nanos=(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private final String base;
    private final String auth;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();

    private NotificationsBench(String base, String user, String password) {
        this.base = base;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:28181/api/v1";
        String password = "bench-admin-password-1";
        int burst = 20_000;
        int concurrency = 32;
        int rate = 200;
        int seconds = 60;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--base" -> base = args[i + 1];
                case "--password" -> password = args[i + 1];
                case "--burst" -> burst = Integer.parseInt(args[i + 1]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                case "--rate" -> rate = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        new NotificationsBench(base, "admin", password).run(burst, concurrency, rate, seconds);
        System.exit(0);
    }

    private void run(int burst, int concurrency, int rate, int seconds) throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 200);
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null && seen.putIfAbsent(id, Boolean.TRUE) != null) {
                duplicates.incrementAndGet();
            } else {
                received.incrementAndGet();
                Matcher sent = SENT_AT.matcher(body);
                if (sent.find()) { // the first mention: the alert's message (the text repeats it)
                    latencies.add(now - Long.parseLong(sent.group(1)));
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.2:" + receiver.getAddress().getPort() + "/hook";

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        String channel = post(
                "/notifications/channels",
                "{\"type\":\"webhook\",\"name\":\"bench " + System.nanoTime() + "\",\"config\":{\"url\":\"" + url
                        + "\",\"secret\":\"" + secret + "\"}}",
                201);
        Matcher id = ID.matcher(channel);
        if (!id.find()) {
            throw new IllegalStateException("no channel id in " + channel);
        }
        post(
                "/notifications/rules",
                "{\"name\":\"bench\",\"topics\":[\"sitekeeper/external/BENCH\"],\"min_severity\":\"info\","
                        + "\"group_wait_seconds\":0,\"cooldown_minutes\":0,\"repeat_minutes\":0,"
                        + "\"targets\":[{\"channel_id\":" + id.group(1) + "}]}",
                201);

        // warm-up: JIT, connection pools, first-time queries
        long warm = written();
        blast(2_000, concurrency, "warm");
        awaitWritten(warm + 2_000, Duration.ofMinutes(2));
        awaitDrained(Duration.ofMinutes(2));

        // 1. intake: how fast events are written to the outbox
        long before = written();
        long t0 = System.nanoTime();
        long postNanos = blast(burst, concurrency, "burst");
        long accepted = awaitWritten(before + burst, Duration.ofMinutes(5));
        long intakeNanos = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "burst_alerts=%d%n", burst);
        System.out.printf(Locale.ROOT, "burst_post_per_second=%.0f%n", burst / (postNanos / 1e9));
        System.out.printf(Locale.ROOT, "burst_written_per_second=%.0f%n", (accepted - before) / (intakeNanos / 1e9));
        awaitDrained(Duration.ofMinutes(10));

        // 2. steady rate: latency from event to webhook receipt
        latencies.clear();
        received.set(0);
        duplicates.set(0);
        int total = rate * seconds;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger posted = new AtomicInteger();
        AtomicInteger failedPosts = new AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(
                () -> {
                    int n = posted.getAndIncrement();
                    if (n >= total) {
                        return;
                    }
                    send("steady-" + n).whenComplete((r, e) -> {
                        if (e != null || r.statusCode() != 202) {
                            failedPosts.incrementAndGet();
                        }
                    });
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 120);
        while (received.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        ticker.shutdownNow();
        long elapsed = System.nanoTime() - start;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "steady_rate=%d%n", rate);
        System.out.printf(Locale.ROOT, "steady_seconds=%d%n", seconds);
        System.out.printf(Locale.ROOT, "steady_posted=%d%n", Math.min(posted.get(), total));
        System.out.printf(Locale.ROOT, "steady_post_failures=%d%n", failedPosts.get());
        System.out.printf(Locale.ROOT, "steady_received=%d%n", received.get());
        System.out.printf(Locale.ROOT, "steady_duplicates=%d%n", duplicates.get());
        System.out.printf(Locale.ROOT, "steady_elapsed_seconds=%.1f%n", elapsed / 1e9);
        System.out.printf(Locale.ROOT, "latency_p50_ms=%.1f%n", percentile(sorted, 50));
        System.out.printf(Locale.ROOT, "latency_p90_ms=%.1f%n", percentile(sorted, 90));
        System.out.printf(Locale.ROOT, "latency_p99_ms=%.1f%n", percentile(sorted, 99));
        System.out.printf(Locale.ROOT, "latency_max_ms=%.1f%n", sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        receiver.stop(0);
    }

    /** Posts {@code count} alerts with at most {@code concurrency} in flight; returns the nanoseconds it took. */
    private long blast(int count, int concurrency, String prefix) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger failures = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            send(prefix + "-" + i).whenComplete((r, e) -> {
                if (e != null || r.statusCode() != 202) {
                    failures.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        if (failures.get() > 0) {
            System.out.printf(Locale.ROOT, "%s_post_failures=%d%n", prefix, failures.get());
        }
        return System.nanoTime() - t0;
    }

    private CompletableFuture<HttpResponse<String>> send(String key) {
        String body = "{\"event\":\"BENCH\",\"alert_key\":\"bench:" + key + ":" + System.nanoTime()
                + "\",\"severity\":\"warning\",\"title\":\"Bench alert " + key + "\",\"message\":\"sent-at-nanos="
                + System.nanoTime() + "\"}";
        return client.sendAsync(request("/notifications/alerts")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long written() throws Exception {
        Matcher m = WRITTEN.matcher(get("/notifications/stats"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private long awaitWritten(long target, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        long now;
        do {
            now = written();
            if (now >= target) {
                return now;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return now;
    }

    private void awaitDrained(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = PENDING.matcher(get("/notifications/stats"));
            if (m.find() && Long.parseLong(m.group(1)) == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the outbox did not drain in " + atMost);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", auth)
                .header("Content-Type", "application/json");
    }

    private String get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(String path, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response =
                client.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
