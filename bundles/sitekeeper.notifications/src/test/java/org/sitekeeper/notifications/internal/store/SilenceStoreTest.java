package org.sitekeeper.notifications.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.notifications.api.Recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SilenceStoreTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final SilenceDefinition SHOP =
            new SilenceDefinition(List.of(42L), List.of(), List.of("sitekeeper/uptime/*"), null);

    @RegisterExtension
    static final NotificationsDatabase.PerClass DATABASE = new NotificationsDatabase.PerClass();

    private static NotificationsDatabase db;
    private static SilenceStore store;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = DATABASE.get();
        store = new SilenceStore(db.emf());
    }

    private static StoredSilence silence(Instant starts, Instant ends) {
        return store.insert("silence", "deploy", SHOP, starts, ends, "ada", NOW);
    }

    @Test
    void aSilenceIsStoredWithItsDefinition() {
        SilenceDefinition weekly = new SilenceDefinition(
                List.of(),
                List.of("eu"),
                List.of(),
                new Recurrence(List.of("MONDAY", "THURSDAY"), "02:00", 90, "Europe/Berlin"));

        StoredSilence stored =
                store.insert("maintenance", "weekly backups", weekly, NOW, null, "ops-bot", NOW.minusSeconds(5));

        assertThat(store.find(stored.id())).contains(stored);
        assertThat(stored.kind()).isEqualTo("maintenance");
        assertThat(stored.reason()).isEqualTo("weekly backups");
        assertThat(stored.definition()).isEqualTo(weekly);
        assertThat(stored.startsAt()).isEqualTo(NOW);
        assertThat(stored.endsAt()).isNull();
        assertThat(stored.createdBy()).isEqualTo("ops-bot");
        assertThat(stored.createdAt()).isEqualTo(NOW.minusSeconds(5));
        assertThat(store.find(stored.id() + 100)).isEmpty();
    }

    @Test
    void theCurrentListLeavesOutSilencesThatHaveEnded() {
        StoredSilence ended = silence(NOW.minusSeconds(7200), NOW.minusSeconds(3600));
        StoredSilence endsNow = silence(NOW.minusSeconds(7200), NOW);
        StoredSilence running = silence(NOW.minusSeconds(600), NOW.plusSeconds(600));
        StoredSilence openEnded = silence(NOW.minusSeconds(60), null);
        StoredSilence future = silence(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)));

        assertThat(store.list(false, NOW))
                .extracting(StoredSilence::id)
                .containsExactly(future.id(), openEnded.id(), running.id());
        assertThat(store.list(true, NOW))
                .extracting(StoredSilence::id)
                .containsExactly(future.id(), openEnded.id(), running.id(), endsNow.id(), ended.id());
    }

    @Test
    void endingASilenceEndsItNowOrBeforeItStarts() {
        StoredSilence running = silence(NOW.minusSeconds(600), null);
        StoredSilence future = silence(NOW.plusSeconds(3600), NOW.plusSeconds(7200));
        StoredSilence ended = silence(NOW.minusSeconds(7200), NOW.minusSeconds(3600));

        assertThat(store.end(running.id(), NOW).endsAt()).isEqualTo(NOW);
        assertThat(store.end(future.id(), NOW).endsAt()).isEqualTo(NOW.plusSeconds(3600));
        // ending again keeps the first end
        assertThat(store.end(ended.id(), NOW).endsAt()).isEqualTo(NOW.minusSeconds(3600));
        assertThat(store.end(running.id(), NOW.plusSeconds(60)).endsAt()).isEqualTo(NOW);

        assertThat(store.find(running.id()).orElseThrow().endsAt()).isEqualTo(NOW);
        // the window that had not started is empty now, and gone from the current list once its start passes
        assertThat(store.list(false, NOW)).extracting(StoredSilence::id).containsExactly(future.id());
        assertThat(store.list(false, NOW.plusSeconds(3600))).isEmpty();
        assertThatThrownBy(() -> store.end(running.id() + 100, NOW)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void purgeDeletesOnlySilencesThatEndedBeforeTheCutoff() {
        Instant cutoff = NOW.minus(Duration.ofDays(90));
        silence(cutoff.minusSeconds(7200), cutoff.minusSeconds(1));
        StoredSilence atCutoff = silence(cutoff.minusSeconds(7200), cutoff);
        StoredSilence openEnded = silence(cutoff.minusSeconds(7200), null);

        assertThat(store.purgeEndedBefore(cutoff)).isEqualTo(1);

        assertThat(store.list(true, NOW))
                .extracting(StoredSilence::id)
                .containsExactlyInAnyOrder(atCutoff.id(), openEnded.id());
    }
}
