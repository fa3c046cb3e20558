package org.sitekeeper.itests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.sitekeeper.itests.support.Api;
import org.sitekeeper.itests.support.DerbyHub;
import org.sitekeeper.itests.support.Hub;
import org.sitekeeper.itests.support.Notifications;
import org.sitekeeper.itests.support.Ports;
import org.sitekeeper.itests.support.PrintHubLogOnFailure;
import org.sitekeeper.itests.support.Receiver;
import org.sitekeeper.itests.support.Sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox is at-least-once across a crash: the hub is killed (SIGKILL, no shutdown at all) while one message is
 * in the middle of being sent and another waits for its receiver to come back; after the start both arrive, the
 * interrupted one again under the same {@code webhook-id} so the receiver can tell it is a resend.
 */
@Order(9)
@ExtendWith({DerbyHub.class, PrintHubLogOnFailure.class})
class NotificationsCrashIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static Hub hub;
    private static Api admin;

    @BeforeAll
    static void useSharedHub(Hub shared) {
        hub = shared;
        admin = hub.admin();
    }

    @Test
    void aCrashMidSendAndAReceiverThatWasDownLoseNothing() {
        String u = Sites.unique();
        AtomicBoolean first = new AtomicBoolean(true);
        try (Receiver slow = Receiver.start().answer(request -> {
            if (first.getAndSet(false)) {
                sleep(Duration.ofSeconds(60)); // the hub dies while waiting for this answer
            }
            return Receiver.Answer.ok();
        })) {
            JsonNode midSend = Notifications.channel(
                    admin,
                    "webhook",
                    "mid-send " + u,
                    Map.of("url", slow.url("/slow"), "secret", Notifications.webhookSecret()));
            Notifications.rule(
                    admin,
                    "sitekeeper/external/CA" + u.toUpperCase(),
                    midSend.path("id").asLong(),
                    List.of(),
                    Map.of());
            int downPort = Ports.free(1)[0];
            JsonNode waiting = Notifications.channel(
                    admin,
                    "webhook",
                    "down " + u,
                    Map.of(
                            "url",
                            "http://" + Notifications.RECEIVER_HOST + ":" + downPort + "/down",
                            "secret",
                            Notifications.webhookSecret()));
            Notifications.rule(
                    admin,
                    "sitekeeper/external/CB" + u.toUpperCase(),
                    waiting.path("id").asLong(),
                    List.of(),
                    Map.of());

            Notifications.raise(admin, "CB" + u.toUpperCase(), "cb:" + u, "critical", "Waiting for its receiver");
            await().atMost(DELIVERY)
                    .until(() -> !Notifications.deliveries(admin, "cb:" + u).isEmpty()
                            && Notifications.deliveries(admin, "cb:" + u)
                                            .get(0)
                                            .path("attempts")
                                            .asInt()
                                    >= 1);
            Notifications.raise(admin, "CA" + u.toUpperCase(), "ca:" + u, "critical", "Sent when the hub dies");
            await().atMost(DELIVERY)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> slow.requests().size() == 1);

            String node = admin.get("/api/v1/system/info").json().path("node").asText();
            hub.kill(); // within the attempt's 5 s timeout: the message is still being sent
            try (Receiver back = Receiver.start(downPort)) {
                hub.start();
                // the same node again: it gives back its own leases at once instead of waiting for them to run out
                assertThat(admin.get("/api/v1/system/info").json().path("node").asText())
                        .isNotBlank()
                        .isEqualTo(node);

                try {
                    Notifications.awaitDelivery(admin, "ca:" + u, "delivered", DELIVERY);
                    Notifications.awaitDelivery(admin, "cb:" + u, "delivered", DELIVERY);
                } catch (AssertionError e) {
                    throw new AssertionError(
                            e.getMessage() + "; the mid-send receiver had "
                                    + slow.requests().size() + " requests, the one that was down "
                                    + back.requests().size(),
                            e);
                }
                List<Receiver.Request> sent = slow.requests();
                assertThat(sent).hasSize(2);
                assertThat(sent.get(1).header("webhook-id"))
                        .isEqualTo(sent.get(0).header("webhook-id"));
                assertThat(back.requests()).hasSize(1);
                assertThat(back.requests()
                                .get(0)
                                .json()
                                .path("data")
                                .path("alerts")
                                .get(0)
                                .path("alert_key")
                                .asText())
                        .isEqualTo("cb:" + u);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
