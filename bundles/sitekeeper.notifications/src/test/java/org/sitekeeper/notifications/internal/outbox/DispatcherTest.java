package org.sitekeeper.notifications.internal.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.sitekeeper.core.api.security.SecretBox;
import org.sitekeeper.notifications.api.AlertSummary;
import org.sitekeeper.notifications.api.ChannelField;
import org.sitekeeper.notifications.api.DeliveryResult;
import org.sitekeeper.notifications.api.NotificationChannel;
import org.sitekeeper.notifications.api.OutgoingMessage;
import org.sitekeeper.notifications.internal.service.NotificationStores;
import org.sitekeeper.notifications.internal.service.TestServices;
import org.sitekeeper.notifications.internal.store.ChannelStore;
import org.sitekeeper.notifications.internal.store.DeliveryEntity;
import org.sitekeeper.notifications.internal.store.NewDelivery;
import org.sitekeeper.notifications.internal.store.NotificationsDatabase;
import org.sitekeeper.notifications.internal.store.Outbox;
import org.sitekeeper.notifications.internal.store.StoredChannel;
import org.sitekeeper.notifications.internal.store.StoredMessage;
import org.sitekeeper.notifications.internal.store.TestSecrets;

import static org.assertj.core.api.Assertions.assertThat;

class DispatcherTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final String TOKEN = "hook-secret-123";

    @TempDir
    static Path keys;

    @RegisterExtension
    static final NotificationsDatabase.PerClass DATABASE = new NotificationsDatabase.PerClass();

    private static NotificationsDatabase db;
    private static NotificationStores stores;
    private static SecretBox secrets;

    private final FakeChannel hook = new FakeChannel("hook");
    private final TestServices.TestClock clock = new TestServices.TestClock(NOW);
    private Dispatcher dispatcher;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = DATABASE.get();
        stores = new NotificationStores(db.emf(), db.migrator());
        secrets = TestSecrets.box(keys);
    }

    @AfterEach
    void stopDispatcher() throws InterruptedException {
        if (dispatcher != null) {
            dispatcher.deactivate();
        }
    }

    /** A channel type that answers from a script and remembers what it was asked to send. */
    static final class FakeChannel implements NotificationChannel {

        private final String type;
        final List<OutgoingMessage> sent = Collections.synchronizedList(new ArrayList<>());
        final Deque<Function<OutgoingMessage, DeliveryResult>> script = new ArrayDeque<>();

        FakeChannel(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String title() {
            return "Fake " + type;
        }

        @Override
        public List<ChannelField> fields() {
            return List.of(
                    ChannelField.required("url", "url", "where"),
                    new ChannelField("token", "password", false, true, "secret"));
        }

        @Override
        public Map<String, Object> validate(Map<String, Object> config) {
            return config;
        }

        @Override
        public synchronized DeliveryResult deliver(OutgoingMessage message) {
            sent.add(message);
            Function<OutgoingMessage, DeliveryResult> next = script.poll();
            return next == null ? DeliveryResult.delivered("ok") : next.apply(message);
        }
    }

    /** A dispatcher whose background loop is already stopped: tests send in their own thread. */
    private Dispatcher idleDispatcher(NotificationChannel... types) throws InterruptedException {
        Dispatcher d = runningDispatcher(types);
        d.deactivate();
        return d;
    }

    private Dispatcher runningDispatcher(NotificationChannel... types) {
        dispatcher = new Dispatcher(
                stores,
                TestServices.registry(types),
                secrets,
                TestServices.renderer(),
                clock,
                TestServices.NODE,
                TestServices.config(Map.of("poll_millis", 50, "retry_base_seconds", 10, "retry_max_seconds", 600)));
        return dispatcher;
    }

    private static StoredChannel channel(String type, boolean enabled) {
        return stores.channels()
                .insert(
                        type,
                        type + "-channel",
                        enabled,
                        Map.of("url", "https://hooks.example.com/x"),
                        id -> {
                            Map<String, String> sealed = new TreeMap<>();
                            sealed.put("token", secrets.seal(TOKEN, StoredChannel.secretContext(id, "token")));
                            return sealed;
                        },
                        NOW);
    }

    private static long queue(long channelId, String kind, Instant deadline) {
        AlertSummary alert = new AlertSummary(
                "shop:42",
                "sitekeeper/uptime/DOWN",
                "critical",
                false,
                "Shop is down",
                "HTTP 503",
                null,
                42L,
                "Shop",
                NOW);
        return stores.outbox()
                .inTransaction(tx -> tx.insert(new NewDelivery(
                        null,
                        "shop:42",
                        "sitekeeper/uptime/DOWN",
                        "critical",
                        42L,
                        kind,
                        1L,
                        channelId,
                        List.of("ops@example.com"),
                        "Shop is down",
                        new StoredMessage("Shop is down: HTTP 503", "<p>Shop is down</p>", List.of(alert), List.of()),
                        DeliveryEntity.PENDING,
                        null,
                        null,
                        null,
                        NOW,
                        NOW,
                        deadline)));
    }

    private static long queue(long channelId) {
        return queue(channelId, "alert", NOW.plus(Duration.ofHours(24)));
    }

    private static Map<String, Object> row(long id) {
        return db.query("SELECT * FROM notifications_delivery WHERE id = ?", id).get(0);
    }

    @Test
    void aRetryIsDueAgainLaterAndThenDelivered() throws Exception {
        Dispatcher d = idleDispatcher(hook);
        StoredChannel channel = channel("hook", true);
        long id = queue(channel.id());
        hook.script.add(m -> DeliveryResult.retryAfter("HTTP 429", Duration.ofSeconds(120)));

        assertThat(d.sendNow(id)).contains(new Dispatcher.Attempt(Outbox.Outcome.RETRY, "HTTP 429"));

        // Retry-After is honoured as it is, without jitter
        assertThat(row(id))
                .containsEntry("status", "pending")
                .containsEntry("attempts", 1)
                .containsEntry("next_attempt_at", NOW.plusSeconds(120).toEpochMilli())
                .containsEntry("last_error", "HTTP 429");
        StoredChannel retrying = stores.channels().find(channel.id()).orElseThrow();
        assertThat(retrying.lastDeliveryStatus()).isEqualTo("retrying");
        assertThat(retrying.lastError()).isEqualTo("HTTP 429");

        clock.advance(Duration.ofSeconds(120));
        hook.script.add(m -> DeliveryResult.delivered("HTTP 200"));
        assertThat(d.sendNow(id)).contains(new Dispatcher.Attempt(Outbox.Outcome.DELIVERED, "HTTP 200"));

        assertThat(row(id))
                .containsEntry("status", "delivered")
                .containsEntry("attempts", 2)
                .containsEntry("delivered_at", NOW.plusSeconds(120).toEpochMilli());
        StoredChannel ok = stores.channels().find(channel.id()).orElseThrow();
        assertThat(ok.lastDeliveryStatus()).isEqualTo("delivered");
        assertThat(ok.lastError()).isNull();
        assertThat(d.stats().attempts()).isEqualTo(2);
        assertThat(d.stats().retried()).isEqualTo(1);
        assertThat(d.stats().delivered()).isEqualTo(1);
        // delivered: nothing more to send
        assertThat(d.sendNow(id)).isEmpty();

        // the channel got the stored message, its settings and its secret opened for it
        assertThat(hook.sent).hasSize(2);
        OutgoingMessage message = hook.sent.get(1);
        assertThat(message.deliveryId()).isEqualTo(id);
        assertThat(message.channelName()).isEqualTo("hook-channel");
        assertThat(message.config())
                .containsEntry("url", "https://hooks.example.com/x")
                .containsEntry("token", TOKEN);
        assertThat(message.recipients()).containsExactly("ops@example.com");
        assertThat(message.subject()).isEqualTo("Shop is down");
        assertThat(message.text()).isEqualTo("Shop is down: HTTP 503");
        assertThat(message.alerts()).extracting(AlertSummary::alertKey).containsExactly("shop:42");
        assertThat(message.deadline()).isEqualTo(NOW.plusSeconds(120).plus(d.attemptTimeout()));
    }

    @Test
    void aRetryWithoutRetryAfterBacksOffExponentiallyWithJitter() throws Exception {
        Dispatcher d = idleDispatcher(hook);
        long id = queue(channel("hook", true).id());
        hook.script.add(m -> DeliveryResult.retry("connection refused"));

        d.sendNow(id);

        long next = ((Number) row(id).get("next_attempt_at")).longValue();
        // base 10 s, ±20 %
        assertThat(next)
                .isBetween(
                        NOW.plusSeconds(8).toEpochMilli(), NOW.plusSeconds(12).toEpochMilli());
    }

    @Test
    void aPermanentFailureIsNotRetried() throws Exception {
        Dispatcher d = idleDispatcher(hook);
        StoredChannel channel = channel("hook", true);
        long id = queue(channel.id());
        hook.script.add(m -> DeliveryResult.failed("HTTP 401: bad token"));

        assertThat(d.sendNow(id)).contains(new Dispatcher.Attempt(Outbox.Outcome.FAILED, "HTTP 401: bad token"));

        assertThat(row(id))
                .containsEntry("status", "failed")
                .containsEntry("attempts", 1)
                .containsEntry("last_error", "HTTP 401: bad token");
        assertThat(stores.channels().find(channel.id()).orElseThrow().lastDeliveryStatus())
                .isEqualTo("failed");
        clock.advance(Duration.ofHours(1));
        assertThat(d.sendNow(id)).isEmpty();
        assertThat(hook.sent).hasSize(1);
    }

    @Test
    void aRetryThatWouldPassTheDeadlineGivesUp() throws Exception {
        Dispatcher d = idleDispatcher(hook);
        StoredChannel channel = channel("hook", true);
        long id = queue(channel.id(), "alert", NOW.plusSeconds(60));
        hook.script.add(m -> DeliveryResult.retryAfter("HTTP 503", Duration.ofSeconds(120)));

        assertThat(d.sendNow(id)).contains(new Dispatcher.Attempt(Outbox.Outcome.RETRY, "HTTP 503"));

        assertThat(row(id))
                .containsEntry("status", "failed")
                .containsEntry("last_error", "gave up after 1 attempts: HTTP 503");
        assertThat(stores.channels().find(channel.id()).orElseThrow().lastDeliveryStatus())
                .isEqualTo("failed");
    }

    @Test
    void aChannelThatThrowsIsRetried() throws Exception {
        Dispatcher d = idleDispatcher(hook);
        long id = queue(channel("hook", true).id());
        hook.script.add(m -> {
            throw new IllegalStateException("bug in the channel, " + TOKEN);
        });

        assertThat(d.sendNow(id))
                .contains(new Dispatcher.Attempt(Outbox.Outcome.RETRY, "hook channel error: IllegalStateException"));
        assertThat(row(id)).containsEntry("status", "pending").containsEntry("attempts", 1);
        // the exception's message (which may hold a secret) is not stored
        assertThat((String) row(id).get("last_error")).doesNotContain(TOKEN);
    }

    @Test
    void problemsOfTheChannelItselfAreRecordedWithoutSending() throws Exception {
        FakeChannel other = new FakeChannel("other");
        Dispatcher d = idleDispatcher(hook);
        long disabled = queue(channel("hook", false).id());
        long notInstalled = queue(channel(other.type(), true).id());
        long deleted = queue(9_999);

        assertThat(d.sendNow(disabled))
                .contains(new Dispatcher.Attempt(Outbox.Outcome.FAILED, "the channel is disabled"));
        assertThat(d.sendNow(notInstalled))
                .contains(new Dispatcher.Attempt(Outbox.Outcome.RETRY, "channel type other is not installed"));
        assertThat(d.sendNow(deleted))
                .contains(new Dispatcher.Attempt(Outbox.Outcome.FAILED, "the channel was deleted"));

        assertThat(row(disabled)).containsEntry("status", "failed");
        assertThat(row(notInstalled)).containsEntry("status", "pending");
        assertThat(row(deleted)).containsEntry("status", "failed");
        assertThat(hook.sent).isEmpty();
    }

    @Test
    void aTestMessageIsSentThroughADisabledChannel() throws Exception {
        Dispatcher d = idleDispatcher(hook);
        long id = queue(channel("hook", false).id(), "test", NOW);

        assertThat(d.sendNow(id)).contains(new Dispatcher.Attempt(Outbox.Outcome.DELIVERED, "ok"));
        assertThat(hook.sent).singleElement().satisfies(m -> assertThat(m.kind())
                .isEqualTo("test"));
    }

    @Test
    void aSecretThatNoLongerOpensFailsTheDelivery() throws Exception {
        Dispatcher d = idleDispatcher(hook);
        StoredChannel channel = channel("hook", true);
        // a value sealed for another channel, pasted into this one
        stores.channels()
                .update(
                        channel.id(),
                        new ChannelStore.Change(
                                null,
                                null,
                                null,
                                Map.of(
                                        "token",
                                        secrets.seal(TOKEN, StoredChannel.secretContext(channel.id() + 1, "token")))),
                        NOW);
        long id = queue(channel.id());

        assertThat(d.sendNow(id)).hasValueSatisfying(a -> {
            assertThat(a.outcome()).isEqualTo(Outbox.Outcome.FAILED);
            assertThat(a.detail()).contains("token cannot be decrypted");
        });
        assertThat(hook.sent).isEmpty();
    }

    @Test
    void theLoopSendsWhatIsDueIncludingWhatThisNodeHeldBeforeARestart() throws Exception {
        StoredChannel channel = channel("hook", true);
        long due = queue(channel.id());
        long heldBeforeRestart = queue(channel.id());
        // leased by this node before it restarted, until long after now
        db.update(
                "UPDATE notifications_delivery SET claimed_by = ?, claimed_until = ? WHERE id = ?",
                TestServices.NODE.id() + "/41",
                NOW.plus(Duration.ofHours(1)).toEpochMilli(),
                heldBeforeRestart);
        long notYetDue = queue(channel.id());
        db.update(
                "UPDATE notifications_delivery SET next_attempt_at = ? WHERE id = ?",
                NOW.plusSeconds(600).toEpochMilli(),
                notYetDue);

        runningDispatcher(hook).wake();

        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (db.count("SELECT COUNT(*) FROM notifications_delivery WHERE status = 'delivered'") < 2
                && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(row(due)).containsEntry("status", "delivered");
        assertThat(row(heldBeforeRestart)).containsEntry("status", "delivered");
        assertThat(row(notYetDue)).containsEntry("status", "pending");
        assertThat(hook.sent).extracting(OutgoingMessage::deliveryId).containsExactlyInAnyOrder(due, heldBeforeRestart);
    }
}
