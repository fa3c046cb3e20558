package org.sitekeeper.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Telemetry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A 200 means the heartbeat is committed to the database": a load generator in this JVM (8 threads) sends
 * heartbeats for a few thousand installations, each installation's {@code plugin_version} rising 1.0.1, 1.0.2, …,
 * and the hub is killed (SIGKILL, no shutdown at all) in the middle of it. After the start every installation must
 * be stored at least at the highest version the hub answered 200 for. Requests in flight at the kill may fail or may
 * have been written: only 200s count, and a stored version above the acknowledged one is fine.
 *
 * <p>Runs on the shared Derby hub after {@link TelemetryIT}, next to {@link NotificationsCrashIT} and before
 * {@link PostgresIT}, which stops the Derby hub and must stay last.
 */
@Order(9)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class TelemetryCrashIT {

    private static final int INSTALLS = 3_000;
    private static final int THREADS = 8;
    /** At least this long under load before the kill… */
    private static final Duration MIN_LOAD = Duration.ofSeconds(5);
    /**
     * …and until this many heartbeats are acknowledged: every installation created and updated at least once, the
     * kill falling in the middle of a round of updates…
     */
    private static final int KILL_AFTER = INSTALLS * 5 / 2;
    /** …but never longer than this. */
    private static final Duration MAX_LOAD = Duration.ofSeconds(90);

    private static final String CMS = "crashtest";
    private static final int SHOWN = 20;

    private static Hub hub;
    private static Api admin;

    @BeforeAll
    static void useSharedHub(Hub shared) {
        hub = shared;
        admin = hub.admin();
        Telemetry.awaitRoutes(admin);
    }

    @Test
    void noAcknowledgedHeartbeatIsLostWhenTheHubIsKilledUnderLoad() throws Exception {
        String u = Sites.unique();
        String merchant = UUID.randomUUID().toString();
        String key = Telemetry.createKey(admin, merchant, "Crash Shop " + u, "crash-" + u + "@example.com", null)
                .path("key")
                .asText();
        Load load = new Load(hub.baseUri().resolve(Telemetry.HEARTBEAT), key, merchant, u);

        load.start();
        long started = System.nanoTime();
        while (true) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (elapsed.compareTo(MAX_LOAD) >= 0 || (elapsed.compareTo(MIN_LOAD) >= 0 && load.ok.get() >= KILL_AFTER)) {
                break;
            }
            Thread.sleep(100);
        }
        long okAtKill = load.ok.get();
        load.killed.set(true); // from here on a failed request is expected
        hub.kill(); // under load: requests are in flight
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(500); // let the requests in flight at the kill fail
        load.stop();

        int acknowledgedInstalls = 0;
        for (int i = 0; i < INSTALLS; i++) {
            if (load.acknowledged.get(i) > 0) {
                acknowledgedInstalls++;
            }
        }
        System.out.printf(
                "[itests] telemetry load: %d heartbeats sent in %.1f s, %d acknowledged (%d at the kill), %d answered "
                        + "503, %d answered 429, %d failed (%d after the kill); %d of %d installations acknowledged%n",
                load.sent.get(),
                loadSeconds,
                load.ok.get(),
                okAtKill,
                load.unavailable.get(),
                load.limited.get(),
                load.failed.get(),
                load.failedAfterKill.get(),
                acknowledgedInstalls,
                INSTALLS);
        assertThat(load.ok.get())
                .as(
                        "heartbeats the hub acknowledged in %.1f s of load (too few to test anything); unexpected "
                                + "answers: %s",
                        loadSeconds, load.unexpected)
                .isGreaterThanOrEqualTo(INSTALLS / 4);

        hub.start();
        Telemetry.awaitRoutes(admin);

        String query = "merchant_id=" + Api.encode(merchant);
        List<JsonNode> listed = Telemetry.listAll(admin, query);
        Pattern site = Pattern.compile("crash-" + Pattern.quote(u) + "-([0-9]+)\\.example\\.org");
        Map<Integer, String> stored = new HashMap<>();
        List<String> strays = new ArrayList<>();
        for (JsonNode installation : listed) {
            Matcher m = site.matcher(installation.path("site_url").asText());
            if (m.find()) {
                stored.put(
                        Integer.parseInt(m.group(1)),
                        installation.path("plugin_version").asText());
            } else {
                strays.add(installation.toString());
            }
        }
        List<String> lost = new ArrayList<>();
        int lostCount = 0;
        for (int i = 0; i < INSTALLS; i++) {
            int acknowledged = load.acknowledged.get(i);
            if (acknowledged == 0) {
                continue;
            }
            String version = stored.get(i);
            if (version == null || Telemetry.compareVersions(version, "1.0." + acknowledged) < 0) {
                lostCount++;
                if (lost.size() < SHOWN) {
                    lost.add("install #" + i + " (" + Load.site(u, i) + "): acknowledged 1.0." + acknowledged
                            + ", stored " + (version == null ? "nothing" : version));
                }
            }
        }
        long total = Telemetry.totalCount(admin, query);

        assertThat(lostCount)
                .as(
                        "acknowledged heartbeats lost by the kill: %d of %d acknowledged installations are missing or "
                                + "behind their last acknowledged version after the restart (the list shows %d, "
                                + "X-Total-Count %d); first %d:%n  %s",
                        lostCount,
                        acknowledgedInstalls,
                        listed.size(),
                        total,
                        Math.min(SHOWN, lostCount),
                        String.join("\n  ", lost))
                .isZero();
        assertThat(total)
                .as("installations of the merchant (X-Total-Count) after the restart")
                .isGreaterThanOrEqualTo(acknowledgedInstalls);
        assertThat(stored.size())
                .as("distinct installations the paged list shows (of X-Total-Count %d)", total)
                .isGreaterThanOrEqualTo(acknowledgedInstalls);
        assertThat(strays)
                .as("installations of the merchant the load never sent")
                .isEmpty();
        assertThat(load.unexpected)
                .as("answers other than 200, 429 and 503 before the kill")
                .isEmpty();

        // and the hub takes heartbeats again after the crash
        int next = Math.max(1, load.acknowledged.get(0) + 1000);
        JsonNode reply = Telemetry.beat(
                hub.api().withToken(key), Telemetry.heartbeat(merchant, CMS, Load.site(u, 0), "1.0." + next));
        JsonNode detail = admin.get(
                        Telemetry.PATH + "/" + reply.path("installation_id").asText())
                .json();
        assertThat(detail.path("plugin_version").asText()).isEqualTo("1.0." + next);
    }

    /** The load generator: each thread owns every THREADS-th installation, so one installation's beats are in order. */
    private static final class Load {

        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final URI uri;
        private final String authorization;
        private final String merchant;
        private final String u;
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicBoolean stop = new AtomicBoolean();
        final AtomicBoolean killed = new AtomicBoolean();
        /** Per installation, the highest version number n of 1.0.n that was answered 200 (0: none). */
        final AtomicIntegerArray acknowledged = new AtomicIntegerArray(INSTALLS);

        final AtomicLong sent = new AtomicLong();
        final AtomicLong ok = new AtomicLong();
        final AtomicLong unavailable = new AtomicLong();
        final AtomicLong limited = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong failedAfterKill = new AtomicLong();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        private final Map<Integer, Integer> unexpectedStatuses = new ConcurrentHashMap<>();

        Load(URI uri, String key, String merchant, String u) {
            this.uri = uri;
            this.authorization = "Bearer " + key;
            this.merchant = merchant;
            this.u = u;
        }

        static String site(String u, int install) {
            return "https://crash-" + u + "-" + install + ".example.org";
        }

        void start() {
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                Thread thread = new Thread(() -> run(first), "telemetry-load-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(60).toMillis());
                assertThat(thread.isAlive())
                        .as("%s still running", thread.getName())
                        .isFalse();
            }
        }

        private void run(int first) {
            int[] versions = new int[INSTALLS];
            while (!stop.get()) {
                for (int i = first; i < INSTALLS && !stop.get(); i += THREADS) {
                    int version = ++versions[i];
                    send(i, version);
                }
            }
        }

        private void send(int install, int version) {
            String body = "{\"merchant_id\":\"" + merchant + "\",\"cms\":\"" + CMS + "\",\"site_url\":\""
                    + site(u, install) + "\",\"plugin_version\":\"1.0." + version + "\",\"sdk_language\":\"php\","
                    + "\"errors_last_hour\":0,\"environment\":\"production\",\"php_version\":\"8.1.0\","
                    + "\"wordpress_version\":\"6.4\",\"server_info\":{\"server_software\":\"Apache/2.4.56\"}}";
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            boolean afterKill = killed.get();
            sent.incrementAndGet();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                switch (response.statusCode()) {
                    case 200 -> {
                        ok.incrementAndGet();
                        acknowledged.accumulateAndGet(install, version, Math::max);
                    }
                    case 503 -> {
                        unavailable.incrementAndGet();
                        pause(response);
                    }
                    case 429 -> {
                        limited.incrementAndGet();
                        pause(response);
                    }
                    default -> {
                        if (!afterKill && unexpectedStatuses.merge(response.statusCode(), 1, Integer::sum) <= 3) {
                            unexpected.add(response.statusCode() + " " + abbreviate(response.body()));
                        }
                    }
                }
            } catch (IOException e) {
                failed.incrementAndGet();
                if (afterKill || killed.get()) {
                    failedAfterKill.incrementAndGet();
                } else if (unexpected.size() < 10) {
                    unexpected.add("before the kill: " + e);
                }
                sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
            }
        }

        /** Backs off a little on 503/429 (Retry-After is in seconds; the load does not wait that long). */
        private static void pause(HttpResponse<String> response) {
            sleep(response.headers().firstValue("Retry-After").isPresent() ? 200 : 50);
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String abbreviate(String body) {
            return body.length() > 300 ? body.substring(0, 300) + "…" : body;
        }
    }
}
