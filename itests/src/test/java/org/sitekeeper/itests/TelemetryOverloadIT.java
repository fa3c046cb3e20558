package org.sitekeeper.itests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.ApiResponse;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Sites;
import org.sitekeeper.itests.support.Telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Beyond capacity the hub refuses heartbeats at once with 503 and {@code Retry-After} and keeps answering: with the
 * write bound turned down to 2 ({@code queue_capacity}), 48 plugins sending at once get 200s and 503s, every 503
 * carries the error body and a retry hint, nobody waits long, and each 200 was stored.
 */
@Order(8)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class TelemetryOverloadIT {

    private static final String CONFIG = "org.sitekeeper.telemetry.cfg";
    private static final int SENDERS = 48;

    private static Hub hub;
    private static Api admin;
    private static Api plugin;
    private static String merchant;
    private static String originalCapacity;

    @BeforeAll
    static void aTinyWriteBound(Hub shared) {
        hub = shared;
        admin = hub.admin();
        Telemetry.awaitRoutes(admin);
        merchant = "overload-" + Sites.unique();
        plugin = hub.api()
                .withToken(Telemetry.createKey(admin, merchant, "Busy Shop", merchant + "@example.com", null)
                        .path("key")
                        .asText());
        originalCapacity = hub.config(CONFIG)
                .lines()
                .filter(l -> l.startsWith("queue_capacity"))
                .map(l -> l.substring(l.indexOf('=') + 1).strip())
                .findFirst()
                .orElse("128");
        hub.setConfig(CONFIG, "queue_capacity", "2");
    }

    @AfterAll
    static void restore() {
        hub.setConfig(CONFIG, "queue_capacity", originalCapacity);
        await("heartbeats answered again after the configuration is back")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> plugin.post(Telemetry.HEARTBEAT, body(0)).status() == 200);
    }

    private static java.util.Map<String, Object> body(int i) {
        return Telemetry.heartbeat(merchant, "woocommerce", "https://busy-" + i + ".example/", "1.0.0");
    }

    private record Answer(int index, ApiResponse response, long millis) {}

    private static List<Answer> burst() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < SENDERS * 4; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    ApiResponse response = plugin.post(Telemetry.HEARTBEAT, body(index % SENDERS));
                    return new Answer(index, response, (System.nanoTime() - t0) / 1_000_000);
                }));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void beyondCapacityHeartbeatsAreRefusedAtOnceWithARetryHintAndTheRestStored() throws Exception {
        List<Answer> answers = new ArrayList<>();
        // The new bound applies once the capability has read its configuration again (it restarts, and its
        // routes are briefly away): send bursts until one meets it, then look at that burst.
        await("a burst beyond a write bound of 2 is partly refused")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    answers.clear();
                    answers.addAll(burst());
                    return answers.stream()
                                    .anyMatch(a -> a.response().status() == 503
                                            && a.response().body().contains("beyond capacity"))
                            && answers.stream()
                                    .allMatch(a -> a.response().status() == 200
                                            || a.response().status() == 503);
                });

        List<Answer> refused =
                answers.stream().filter(a -> a.response().status() == 503).toList();
        List<Answer> stored =
                answers.stream().filter(a -> a.response().status() == 200).toList();
        assertThat(answers)
                .as("only 200 and 503")
                .allSatisfy(a ->
                        assertThat(a.response().status()).as("%s", a.response()).isIn(200, 503));
        assertThat(stored).as("some heartbeats get through").isNotEmpty();
        for (Answer a : refused) {
            assertThat(a.response().header("Retry-After"))
                    .as("%s", a.response())
                    .hasValue("1");
            assertThat(a.response().text("error")).isEqualTo("unavailable");
            assertThat(a.response().text("message")).contains("beyond capacity");
        }
        assertThat(answers).as("nobody is kept waiting").allSatisfy(a -> assertThat(a.millis())
                .isLessThan(5_000));

        // every 200 was committed: each answered installation is listed with at least one heartbeat
        for (Answer a : stored) {
            String id = a.response().text("installation_id");
            JsonNode detail = admin.get(Telemetry.PATH + "/" + id).json();
            assertThat(detail.path("heartbeat_count").asLong())
                    .as("installation %s", id)
                    .isGreaterThanOrEqualTo(1);
        }

        // the refusals are counted on /metrics
        String metrics = admin.get("/metrics").body();
        assertThat(metrics).containsPattern("(?m)^telemetry_rejected_total\\{kind=\"heartbeats\"} [1-9]");
    }
}
