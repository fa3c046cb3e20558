package org.sitekeeper.notifications.internal.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.security.SecretBox;
import org.sitekeeper.notifications.api.ChannelDto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelStoreTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final String TOKEN = "xoxb-1234567890-SUPERSECRET";
    private static final String SIGNING_KEY = "whsec_9f8e7d6c5b4a";

    @TempDir
    static Path keys;

    @RegisterExtension
    static final NotificationsDatabase.PerClass DATABASE = new NotificationsDatabase.PerClass();

    private static NotificationsDatabase db;
    private static ChannelStore store;
    private static SecretBox secrets;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = DATABASE.get();
        store = new ChannelStore(db.emf());
        secrets = TestSecrets.box(keys);
    }

    /** Seals like the service does: each secret for its own channel id and field. */
    private static LongFunction<Map<String, String>> sealing(Map<String, String> plain, List<Long> sealedFor) {
        return id -> {
            sealedFor.add(id);
            Map<String, String> sealed = new TreeMap<>();
            plain.forEach((k, v) -> sealed.put(k, secrets.seal(v, StoredChannel.secretContext(id, k))));
            return sealed;
        };
    }

    private static StoredChannel slack(String name) {
        return store.insert(
                "slack",
                name,
                true,
                Map.of("channel", "#ops"),
                sealing(Map.of("token", TOKEN), new ArrayList<>()),
                NOW);
    }

    private String rawSecrets(long id) {
        return (String) db.value("SELECT secrets FROM notifications_channel WHERE id = ?", id);
    }

    @Test
    void secretsAreSealedForTheNewRowAndNeverStoredInPlainText() {
        List<Long> sealedFor = new ArrayList<>();
        StoredChannel stored = store.insert(
                "webhook",
                "Ops webhook",
                true,
                Map.of("url", "https://hooks.example.com/ops", "timeout_seconds", 10),
                sealing(Map.of("token", TOKEN, "signing_key", SIGNING_KEY), sealedFor),
                NOW);

        assertThat(sealedFor).containsExactly(stored.id());
        String raw = rawSecrets(stored.id());
        assertThat(raw).isNotNull().doesNotContain(TOKEN).doesNotContain(SIGNING_KEY);
        String rawConfig = (String) db.value("SELECT config FROM notifications_channel WHERE id = ?", stored.id());
        assertThat(rawConfig).doesNotContain(TOKEN).doesNotContain(SIGNING_KEY).contains("hooks.example.com");

        Map<String, String> sealed = Json.read(raw, ChannelStore.SECRETS);
        assertThat(sealed).containsOnlyKeys("token", "signing_key");
        assertThat(sealed.values())
                .allSatisfy(v -> assertThat(secrets.isSealed(v)).isTrue());
        assertThat(stored.sealedSecrets()).isEqualTo(sealed);
        assertThat(secrets.open(sealed.get("token"), StoredChannel.secretContext(stored.id(), "token")))
                .isEqualTo(TOKEN);
        assertThat(secrets.open(sealed.get("signing_key"), StoredChannel.secretContext(stored.id(), "signing_key")))
                .isEqualTo(SIGNING_KEY);
        // a sealed value moved to another row or field does not open
        assertThatThrownBy(
                        () -> secrets.open(sealed.get("token"), StoredChannel.secretContext(stored.id() + 1, "token")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        secrets.open(sealed.get("token"), StoredChannel.secretContext(stored.id(), "signing_key")))
                .isInstanceOf(IllegalArgumentException.class);

        ChannelDto dto = stored.toDto();
        assertThat(dto.secretsSet()).containsExactly("signing_key", "token");
        assertThat(dto.config())
                .containsEntry("url", "https://hooks.example.com/ops")
                .containsEntry("timeout_seconds", 10);
        assertThat(dto.toString()).doesNotContain(TOKEN).doesNotContain(sealed.get("token"));
    }

    @Test
    void aChannelWithoutSecretsStoresNone() {
        StoredChannel stored = store.insert("in_app", "Inbox", false, Map.of(), id -> Map.of(), NOW);

        assertThat(rawSecrets(stored.id())).isNull();
        StoredChannel found = store.find(stored.id()).orElseThrow();
        assertThat(found.sealedSecrets()).isEmpty();
        assertThat(found.enabled()).isFalse();
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.updatedAt()).isEqualTo(NOW);
        assertThat(found.lastDeliveryAt()).isNull();
        assertThat(store.find(stored.id() + 100)).isEmpty();
    }

    @Test
    void channelsAreListedByName() {
        slack("zeta");
        slack("Alpha");
        slack("beta");

        assertThat(store.list()).extracting(StoredChannel::name).containsExactly("Alpha", "beta", "zeta");
    }

    @Test
    void aDuplicateNameIsAConflictOnTheNameAndNothingIsWritten() {
        StoredChannel first = slack("Ops");
        List<Long> sealedFor = new ArrayList<>();

        assertThatThrownBy(() ->
                        store.insert("webhook", "Ops", true, Map.of(), sealing(Map.of("token", TOKEN), sealedFor), NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("a channel named 'Ops' already exists");
                });

        assertThat(sealedFor).isEmpty();
        assertThat(store.list()).extracting(StoredChannel::id).containsExactly(first.id());
    }

    @Test
    void theDatabaseRefusesADuplicateNameToo() {
        slack("Ops");

        // what the unique constraint does when two nodes create the same name at once
        assertThatThrownBy(() -> db.update(
                        "INSERT INTO notifications_channel (type, name, enabled, config, created_at, updated_at,"
                                + " version) VALUES ('slack', 'Ops', TRUE, '{}', 0, 0, 1)"))
                .hasCauseInstanceOf(java.sql.SQLIntegrityConstraintViolationException.class)
                .satisfies(
                        e -> assertThat(StoreSupport.isConstraintViolation(e)).isTrue());
    }

    @Test
    void anUpdateChangesOnlyWhatItNames() {
        StoredChannel stored = slack("Ops");
        String sealedBefore = rawSecrets(stored.id());
        Instant later = NOW.plusSeconds(60);

        StoredChannel renamed = store.update(stored.id(), new ChannelStore.Change("Ops EU", null, null, null), later);

        assertThat(renamed.name()).isEqualTo("Ops EU");
        assertThat(renamed.enabled()).isTrue();
        assertThat(renamed.config()).isEqualTo(Map.of("channel", "#ops"));
        assertThat(rawSecrets(stored.id())).isEqualTo(sealedBefore);
        assertThat(renamed.createdAt()).isEqualTo(NOW);
        assertThat(renamed.updatedAt()).isEqualTo(later);

        String newToken = "xoxb-rotated";
        Map<String, String> resealed =
                Map.of("token", secrets.seal(newToken, StoredChannel.secretContext(stored.id(), "token")));
        StoredChannel changed = store.update(
                stored.id(), new ChannelStore.Change(null, false, Map.of("channel", "#alerts"), resealed), later);
        assertThat(changed.name()).isEqualTo("Ops EU");
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.config()).isEqualTo(Map.of("channel", "#alerts"));
        assertThat(rawSecrets(stored.id())).doesNotContain(newToken).doesNotContain(TOKEN);
        assertThat(secrets.open(
                        store.find(stored.id()).orElseThrow().sealedSecrets().get("token"),
                        StoredChannel.secretContext(stored.id(), "token")))
                .isEqualTo(newToken);

        // an empty set of secrets clears them
        store.update(stored.id(), new ChannelStore.Change(null, null, null, Map.of()), later);
        assertThat(rawSecrets(stored.id())).isNull();
        assertThat(store.find(stored.id()).orElseThrow().sealedSecrets()).isEmpty();
    }

    @Test
    void renamingToAnotherChannelsNameIsAConflictButKeepingItsOwnNameIsNot() {
        StoredChannel ops = slack("Ops");
        slack("Dev");

        assertThatThrownBy(() ->
                        store.update(ops.id(), new ChannelStore.Change("Dev", null, null, null), NOW.plusSeconds(1)))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(store.find(ops.id()).orElseThrow().name()).isEqualTo("Ops");

        assertThat(store.update(ops.id(), new ChannelStore.Change("Ops", false, null, null), NOW.plusSeconds(2))
                        .enabled())
                .isFalse();
    }

    @Test
    void changingOrDeletingAMissingChannelIsNotFound() {
        assertThatThrownBy(() -> store.update(404, new ChannelStore.Change("x", null, null, null), NOW))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete(404)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingAChannelClosesWhatIsStillQueuedForIt() {
        StoredChannel doomed = slack("Doomed");
        StoredChannel kept = slack("Kept");
        Outbox outbox = new Outbox(db.emf());
        long pending = queue(outbox, doomed.id(), DeliveryEntity.PENDING);
        long delivered = queue(outbox, doomed.id(), DeliveryEntity.DELIVERED);
        long otherPending = queue(outbox, kept.id(), DeliveryEntity.PENDING);

        StoredChannel gone = store.delete(doomed.id());

        assertThat(gone.name()).isEqualTo("Doomed");
        assertThat(store.find(doomed.id())).isEmpty();
        assertThat(store.list()).extracting(StoredChannel::name).containsExactly("Kept");
        assertThat(db.query("SELECT status, last_error FROM notifications_delivery WHERE id = ?", pending))
                .containsExactly(Map.of("status", "failed", "last_error", "the channel was deleted"));
        assertThat(db.value("SELECT status FROM notifications_delivery WHERE id = ?", delivered))
                .isEqualTo("delivered");
        assertThat(db.value("SELECT status FROM notifications_delivery WHERE id = ?", otherPending))
                .isEqualTo("pending");
    }

    private static long queue(Outbox outbox, long channelId, String status) {
        return outbox.inTransaction(tx -> tx.insert(new NewDelivery(
                null,
                "k",
                "sitekeeper/uptime/DOWN",
                "warning",
                null,
                "alert",
                1L,
                channelId,
                List.of(),
                "subject",
                new StoredMessage("t", null, List.of(), List.of()),
                status,
                null,
                null,
                null,
                NOW,
                NOW,
                NOW.plusSeconds(3600))));
    }

    @Test
    void theOutcomeOfTheLastAttemptIsShownWithTheChannel() {
        StoredChannel stored = slack("Ops");

        store.recordOutcome(stored.id(), NOW.plusSeconds(5), "retrying", "HTTP 503 " + "x".repeat(600));
        StoredChannel failing = store.find(stored.id()).orElseThrow();
        assertThat(failing.lastDeliveryAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(failing.lastDeliveryStatus()).isEqualTo("retrying");
        assertThat(failing.lastError()).hasSize(500).startsWith("HTTP 503 ").endsWith("…");

        store.recordOutcome(stored.id(), NOW.plusSeconds(9), "delivered", null);
        StoredChannel ok = store.find(stored.id()).orElseThrow();
        assertThat(ok.lastDeliveryStatus()).isEqualTo("delivered");
        assertThat(ok.lastError()).isNull();
        // recording an outcome is not a change of the channel
        assertThat(ok.updatedAt()).isEqualTo(NOW);
        // nor does it fail for a channel deleted meanwhile
        store.recordOutcome(stored.id() + 100, NOW, "failed", "gone");
    }
}
