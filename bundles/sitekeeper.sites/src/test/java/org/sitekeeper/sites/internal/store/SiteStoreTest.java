package org.sitekeeper.sites.internal.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.persistence.Transactions;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteQuery;
import org.sitekeeper.sites.api.SiteService.GroupCount;
import org.sitekeeper.sites.api.SiteStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    static Path directory;

    private static DerbyDatabase database;
    private static SiteStore store;

    @BeforeAll
    static void openDatabase() throws Exception {
        database = new DerbyDatabase(directory);
        store = new SiteStore(database.emf());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTheRegistry() {
        Transactions.run(
                database.emf(), em -> em.createQuery("DELETE FROM SiteEntity").executeUpdate());
    }

    private SiteDto add(String url, String owner, SiteStatus status, String group, List<String> tags) {
        return store.insert(() -> {
            SiteEntity site = new SiteEntity(url, url.substring(8), owner, status, NOW);
            site.setGroup(group);
            site.setTags(tags);
            return site;
        });
    }

    @Test
    void storesAndFindsASite() {
        SiteDto site = add("https://a.example", "admin", SiteStatus.PENDING, "clients", List.of("eu", "shop"));
        assertThat(site.id()).isPositive();
        assertThat(store.find(site.id())).contains(site);
        assertThat(site.tags()).containsExactly("eu", "shop");
        assertThat(site.createdAt()).isEqualTo(NOW);
        assertThat(store.find(site.id() + 1000)).isEmpty();
    }

    @Test
    void theSameOwnerCannotHaveTheSameUrlTwice() {
        add("https://a.example", "admin", SiteStatus.PENDING, null, List.of());
        assertThatThrownBy(() -> add("https://a.example", "admin", SiteStatus.ACTIVE, null, List.of()))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.field()).isEqualTo("url"));
        assertThat(add("https://a.example", "someone-else", SiteStatus.PENDING, null, List.of())
                        .id())
                .isPositive();
    }

    @Test
    void changingTheUrlToOneTheOwnerHasIsAConflictAndChangesNothing() {
        SiteDto a = add("https://a.example", "admin", SiteStatus.PENDING, null, List.of());
        SiteDto b = add("https://b.example", "admin", SiteStatus.PENDING, null, List.of());
        assertThatThrownBy(() -> store.update(b.id(), s -> s.setUrl("https://a.example")))
                .isInstanceOf(ConflictException.class);
        assertThat(store.find(b.id()).orElseThrow().url()).isEqualTo("https://b.example");
        SiteDto renamed = store.update(a.id(), s -> s.setName("Shop A"));
        assertThat(renamed.name()).isEqualTo("Shop A");
    }

    @Test
    void updatingOrDeletingAMissingSiteIsNotFound() {
        assertThatThrownBy(() -> store.update(42, s -> s.setName("x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete(42)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteRemovesTheRow() {
        SiteDto site = add("https://a.example", "admin", SiteStatus.PENDING, null, List.of());
        assertThat(store.delete(site.id()).url()).isEqualTo("https://a.example");
        assertThat(store.find(site.id())).isEmpty();
    }

    @Test
    void listsFilterByStatusGroupTagTextAndOwner() {
        add("https://shop.example", "admin", SiteStatus.ACTIVE, "clients", List.of("eu", "woocommerce"));
        add("https://blog.example", "admin", SiteStatus.PENDING, "clients", List.of("eu"));
        add("https://intranet.example", "ops1", SiteStatus.ERROR, "internal", List.of("eu-west"));
        PageRequest page = PageRequest.first();
        assertThat(urls(store.list(new SiteQuery(SiteStatus.ACTIVE, null, null, null, null, page))))
                .containsExactly("https://shop.example");
        assertThat(urls(store.list(new SiteQuery(null, "clients", null, null, null, page))))
                .containsExactly("https://shop.example", "https://blog.example");
        assertThat(urls(store.list(new SiteQuery(null, null, "eu", null, null, page))))
                .as("a tag matches whole tags only")
                .containsExactly("https://shop.example", "https://blog.example");
        assertThat(urls(store.list(new SiteQuery(null, null, null, "BLOG", null, page))))
                .containsExactly("https://blog.example");
        assertThat(urls(store.list(new SiteQuery(null, null, null, "100%", null, page))))
                .as("wildcards in the text are literal")
                .isEmpty();
        assertThat(urls(store.list(new SiteQuery(null, null, null, null, "ops1", page))))
                .containsExactly("https://intranet.example");
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        for (int i = 0; i < 7; i++) {
            add("https://s" + i + ".example", "admin", SiteStatus.PENDING, null, List.of());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<SiteDto> page = store.list(SiteQuery.all(PageRequest.parse("3", cursor)));
            assertThat(page.total()).isEqualTo(7);
            seen.addAll(urls(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void countsEveryStatusIncludingZeroes() {
        add("https://a.example", "admin", SiteStatus.ACTIVE, null, List.of());
        add("https://b.example", "admin", SiteStatus.ACTIVE, null, List.of());
        add("https://c.example", "admin", SiteStatus.ERROR, null, List.of());
        assertThat(store.countByStatus())
                .containsEntry(SiteStatus.ACTIVE, 2L)
                .containsEntry(SiteStatus.ERROR, 1L)
                .containsEntry(SiteStatus.PENDING, 0L)
                .containsEntry(SiteStatus.DISCONNECTED, 0L);
    }

    @Test
    void listsGroupsWithTheirSizes() {
        add("https://a.example", "admin", SiteStatus.ACTIVE, "clients", List.of());
        add("https://b.example", "admin", SiteStatus.ACTIVE, "clients", List.of());
        add("https://c.example", "admin", SiteStatus.ACTIVE, "agency", List.of());
        add("https://d.example", "admin", SiteStatus.ACTIVE, null, List.of());
        assertThat(store.groups()).containsExactly(new GroupCount("agency", 1), new GroupCount("clients", 2));
    }

    @Test
    void lastSeenOnlyMovesForward() {
        SiteDto site = add("https://a.example", "admin", SiteStatus.ACTIVE, null, List.of());
        store.markSeen(site.id(), NOW.plusSeconds(60));
        store.markSeen(site.id(), NOW.plusSeconds(30));
        assertThat(store.find(site.id()).orElseThrow().lastSeenAt()).isEqualTo(NOW.plusSeconds(60));
        store.markSeen(9999, NOW); // an unknown site is ignored
    }

    private static List<String> urls(Page<SiteDto> page) {
        return page.items().stream().map(SiteDto::url).toList();
    }
}
