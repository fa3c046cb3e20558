package org.sitekeeper.notifications.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.notifications.api.InboxItemDto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboxStoreTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

    @RegisterExtension
    static final NotificationsDatabase.PerClass DATABASE = new NotificationsDatabase.PerClass();

    private static NotificationsDatabase db;
    private static InboxStore store;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = DATABASE.get();
        store = new InboxStore(db.emf());
    }

    private static InboxStore.NewItem item(long deliveryId, String title) {
        return new InboxStore.NewItem(
                deliveryId, title, "body of " + title, "critical", "sitekeeper/uptime/DOWN", 42L, "/sites/42");
    }

    private static List<Long> ids(Page<InboxItemDto> page) {
        return page.items().stream().map(InboxItemDto::id).toList();
    }

    @Test
    void anItemIsAddedOncePerDelivery() {
        long id = store.add(item(501, "Shop is down"), NOW);
        // the same delivery sent again (at least once) adds nothing
        long again = store.add(item(501, "Shop is down (again)"), NOW.plusSeconds(5));

        assertThat(again).isEqualTo(id);
        assertThat(store.countUnacknowledged()).isEqualTo(1);
        InboxItemDto dto = store.list(false, PageRequest.first()).items().get(0);
        assertThat(dto)
                .isEqualTo(new InboxItemDto(
                        id,
                        "Shop is down",
                        "body of Shop is down",
                        "critical",
                        "sitekeeper/uptime/DOWN",
                        42L,
                        "/sites/42",
                        NOW,
                        null,
                        null));
    }

    @Test
    void longValuesAreCutToTheirColumns() {
        store.add(
                new InboxStore.NewItem(
                        1, "t".repeat(400), "m".repeat(5000), "info", "x".repeat(300), null, "l".repeat(1200)),
                NOW);

        InboxItemDto dto = store.list(false, PageRequest.first()).items().get(0);
        assertThat(dto.title()).hasSize(300).endsWith("…");
        assertThat(dto.message()).hasSize(4000).endsWith("…");
        assertThat(dto.topic()).hasSize(200);
        assertThat(dto.link()).hasSize(1000);
        assertThat(dto.siteId()).isNull();
    }

    @Test
    void itemsArePagedNewestFirstAndCanBeLimitedToUnacknowledgedOnes() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(store.add(item(100 + i, "item " + i), NOW.plusSeconds(i)));
        }
        store.acknowledge(ids.get(3), "ada", NOW.plusSeconds(60));

        Page<InboxItemDto> first = store.list(false, new PageRequest(2, 0));
        assertThat(ids(first)).containsExactly(ids.get(4), ids.get(3));
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.nextCursor()).isEqualTo(Cursors.encode(ids.get(3)));
        Page<InboxItemDto> rest = store.list(false, new PageRequest(3, ids.get(3)));
        assertThat(ids(rest)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(rest.nextCursor()).isNull();

        Page<InboxItemDto> open = store.list(true, new PageRequest(10, 0));
        assertThat(ids(open)).containsExactly(ids.get(4), ids.get(2), ids.get(1), ids.get(0));
        assertThat(open.total()).isEqualTo(4);
        assertThat(store.countUnacknowledged()).isEqualTo(4);
    }

    @Test
    void anAcknowledgementIsKeptWhenAcknowledgedAgain() {
        long id = store.add(item(1, "a"), NOW);

        InboxItemDto first = store.acknowledge(id, "ada", NOW.plusSeconds(10));
        InboxItemDto second = store.acknowledge(id, "bob", NOW.plusSeconds(20));

        assertThat(first.acknowledgedAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(first.acknowledgedBy()).isEqualTo("ada");
        assertThat(second).isEqualTo(first);
        assertThatThrownBy(() -> store.acknowledge(id + 100, "ada", NOW)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void acknowledgeAllAcknowledgesOnlyTheOpenItems() {
        long done = store.add(item(1, "a"), NOW);
        store.add(item(2, "b"), NOW);
        store.add(item(3, "c"), NOW);
        store.acknowledge(done, "ada", NOW.plusSeconds(1));

        assertThat(store.acknowledgeAll("bob", NOW.plusSeconds(2))).isEqualTo(2);

        assertThat(store.countUnacknowledged()).isZero();
        assertThat(store.list(false, PageRequest.first()).items())
                .extracting(InboxItemDto::acknowledgedBy)
                .containsExactly("bob", "bob", "ada");
        assertThat(store.acknowledgeAll("bob", NOW.plusSeconds(3))).isZero();
    }

    @Test
    void purgeDeletesItemsCreatedBeforeTheCutoff() {
        Instant cutoff = NOW.minus(Duration.ofDays(90));
        store.add(item(1, "old"), cutoff.minusSeconds(1));
        long atCutoff = store.add(item(2, "at cutoff"), cutoff);
        long recent = store.add(item(3, "recent"), NOW);

        assertThat(store.purge(cutoff)).isEqualTo(1);

        assertThat(ids(store.list(false, PageRequest.first()))).containsExactly(recent, atCutoff);
        assertThat(store.purge(cutoff)).isZero();
    }
}
