package org.sitekeeper.uptime.internal.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.MonitorState;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MonitorStore} on a real Derby database on disk. */
class MonitorStoreTest {

    @RegisterExtension
    static final UptimeDatabase.PerClass DATABASE = new UptimeDatabase.PerClass();

    private static final long NOW = 1_800_000_000_000L;
    private static final long LEASE = 120_000;

    private static MonitorStore store() {
        return DATABASE.get().monitors();
    }

    private static UptimeDatabase db() {
        return DATABASE.get();
    }

    static MonitorSettings settings(String name, String url, Long siteId, boolean enabled) {
        return new MonitorSettings(
                siteId,
                name,
                "http",
                url,
                url.replaceAll("^[a-z]+://([^/:]+).*$", "$1"),
                "GET",
                "200-399",
                null,
                false,
                null,
                true,
                0,
                10,
                300,
                2,
                1,
                false,
                enabled);
    }

    private static long insert(String name, long firstDue) {
        return store().insert(settings(name, "https://" + name + ".example.com/", null, true), "admin", NOW, firstDue);
    }

    /** A write with a chosen outcome and verdict; no certificate, no incident. */
    static CheckWrite write(long id, String token, long at, String outcome, String verdict, int incident, Long openId) {
        return new CheckWrite(
                id,
                token,
                at,
                outcome,
                "up".equals(outcome) ? 150 : null,
                "up".equals(outcome) ? 200 : null,
                "up".equals(outcome) ? null : "timeout",
                "up".equals(outcome) ? null : "no answer within 10 s",
                verdict,
                "down".equals(outcome) ? 2 : 0,
                "up".equals(outcome) ? 1 : 0,
                "down".equals(outcome) ? at - 30_000 : null,
                at,
                incident != CheckWrite.NONE,
                at + 300_000,
                null,
                null,
                incident,
                7L,
                openId,
                at - 30_000);
    }

    // ---------------------------------------------------------------- insert, find, list

    @Test
    void insertedMonitorsAreFoundWithEveryColumn() {
        MonitorSettings s = new MonitorSettings(
                42L,
                "Shop",
                "http",
                "https://shop.example.com/health",
                "shop.example.com",
                "POST",
                "200-299,401",
                "Welcome",
                true,
                "sealed:abc",
                false,
                2500,
                15,
                120,
                3,
                2,
                true,
                true);

        long id = store().insert(s, "alice", NOW, NOW + 5000);
        MonitorRow row = store().find(id).orElseThrow();

        assertThat(MonitorSettings.of(row)).isEqualTo(s);
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.verdict()).isEqualTo("unknown");
        assertThat(row.failures()).isZero();
        assertThat(row.successes()).isZero();
        assertThat(row.streakStartedAt()).isNull();
        assertThat(row.stateSince()).isEqualTo(NOW);
        assertThat(row.lastOutcome()).isNull();
        assertThat(row.lastCheckAt()).isNull();
        assertThat(row.nextDueAt()).isEqualTo(NOW + 5000);
        assertThat(row.claimedBy()).isNull();
        assertThat(row.claimedUntil()).isNull();
        assertThat(row.certExpiresAt()).isNull();
        assertThat(row.certWarnedDays()).isNull();
        assertThat(row.openIncidentId()).isNull();
        assertThat(row.createdBy()).isEqualTo("alice");
        assertThat(row.createdAt()).isEqualTo(NOW);
        assertThat(row.updatedAt()).isEqualTo(NOW);
        assertThat(row.displayState()).isEqualTo(MonitorState.UNKNOWN);

        assertThat(store().find(id + 1000)).isEmpty();
    }

    @Test
    void listPagesInIdOrderWithACursor() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(insert("m" + i, NOW));
        }

        MonitorStore.PageOf first = store().list(null, null, null, new PageRequest(3, 0));
        MonitorStore.PageOf second = store().list(null, null, null, new PageRequest(3, ids.get(2)));
        MonitorStore.PageOf third = store().list(null, null, null, new PageRequest(3, ids.get(5)));

        assertThat(first.rows()).extracting(MonitorRow::id).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(first.more()).isTrue();
        assertThat(first.total()).isEqualTo(7);
        assertThat(second.rows()).extracting(MonitorRow::id).containsExactlyElementsOf(ids.subList(3, 6));
        assertThat(second.more()).isTrue();
        assertThat(second.total()).isEqualTo(7);
        assertThat(third.rows()).extracting(MonitorRow::id).containsExactly(ids.get(6));
        assertThat(third.more()).isFalse();

        MonitorStore.PageOf exact = store().list(null, null, null, new PageRequest(7, 0));
        assertThat(exact.rows()).hasSize(7);
        assertThat(exact.more()).isFalse();
        assertThat(store().list(null, null, null, new PageRequest(5, ids.get(6)))
                        .rows())
                .isEmpty();
    }

    @Test
    void listFiltersBySiteAndText() {
        long a = store().insert(settings("Shop front", "https://shop.example.com/", 1L, true), "x", NOW, NOW);
        long b = store().insert(settings("Blog", "https://blog.example.com/", 1L, true), "x", NOW, NOW);
        long c = store().insert(settings("API", "https://SHOP-api.example.org/", 2L, true), "x", NOW, NOW);
        long d = store().insert(settings("Sale 50% off", "https://deals.example.net/", null, true), "x", NOW, NOW);
        long e = store().insert(settings("Sale 50 off", "https://deals2.example.net/", null, true), "x", NOW, NOW);
        long f = store().insert(settings("under_score", "https://u.example.net/", null, true), "x", NOW, NOW);
        long g = store().insert(settings("underXscore", "https://v.example.net/", null, true), "x", NOW, NOW);
        PageRequest all = new PageRequest(100, 0);

        assertThat(store().list(null, 1L, null, all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(a, b);
        assertThat(store().list(null, 1L, null, all).total()).isEqualTo(2);
        assertThat(store().list(null, null, "shop", all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(a, c);
        assertThat(store().list(null, null, "  SHOP ", all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(a, c);
        assertThat(store().list(null, 2L, "shop", all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(c);
        // LIKE wildcards in the text are taken literally
        assertThat(store().list(null, null, "50%", all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(d);
        assertThat(store().list(null, null, "under_", all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(f);
        assertThat(store().list(null, null, "%", all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(d);
        assertThat(store().list(null, null, "", all).total()).isEqualTo(7);
        assertThat(e).isPositive();
        assertThat(g).isPositive();

        assertThat(store().ofSite(1L)).extracting(MonitorRow::id).containsExactly(a, b);
        assertThat(store().idsOfSite(2L)).containsExactly(c);
        assertThat(store().idsOfSite(99L)).isEmpty();
    }

    @Test
    void listFiltersByTheStateUsersSeeAndCountsAgree() {
        long up = insert("up", NOW);
        long down = insert("down", NOW);
        long fresh = insert("fresh", NOW);
        long upButUnknownLast = insert("starved", NOW);
        long paused = store().insert(settings("paused", "https://p.example.com/", null, false), "x", NOW, NOW);
        long pausedDown = insert("paused-down", NOW);
        db().update("UPDATE uptime_monitor SET verdict = 'up', last_outcome = 'up' WHERE id = ?", up);
        db().update("UPDATE uptime_monitor SET verdict = 'down', last_outcome = 'down' WHERE id = ?", down);
        db().update(
                        "UPDATE uptime_monitor SET verdict = 'up', last_outcome = 'unknown' WHERE id = ?",
                        upButUnknownLast);
        db().update(
                        "UPDATE uptime_monitor SET verdict = 'down', last_outcome = 'down', enabled = FALSE WHERE id = ?",
                        pausedDown);
        PageRequest all = new PageRequest(100, 0);

        assertThat(store().list(MonitorState.UP, null, null, all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(up);
        assertThat(store().list(MonitorState.DOWN, null, null, all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(down);
        assertThat(store().list(MonitorState.UNKNOWN, null, null, all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(fresh, upButUnknownLast);
        assertThat(store().list(MonitorState.PAUSED, null, null, all).rows())
                .extracting(MonitorRow::id)
                .containsExactly(paused, pausedDown);

        // every row is listed under exactly the state it displays
        for (MonitorState state : MonitorState.values()) {
            for (MonitorRow r : store().list(state, null, null, all).rows()) {
                assertThat(r.displayState()).as("monitor " + r.id()).isEqualTo(state);
            }
        }
        Map<MonitorState, Long> counts = store().countByState();
        assertThat(counts)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        MonitorState.UP, 1L, MonitorState.DOWN, 1L, MonitorState.UNKNOWN, 2L, MonitorState.PAUSED, 2L));
        assertThat(store().list(MonitorState.PAUSED, null, null, all).total()).isEqualTo(2);
    }

    @Test
    void countByStateListsEveryStateEvenWhenEmpty() {
        assertThat(store().countByState())
                .containsOnlyKeys(MonitorState.values())
                .allSatisfy((state, n) -> assertThat(n).isZero());
    }

    @Test
    void updateChangesSettingsAndPausingForgetsStreaks() {
        long id = insert("m", NOW + 100);
        db().update("UPDATE uptime_monitor SET failures = 1, streak_started_at = ? WHERE id = ?", NOW - 10, id);
        MonitorSettings changed = settings("renamed", "https://other.example.com/", 3L, true);

        assertThat(store().update(id, changed, NOW + 1, null)).isTrue();
        MonitorRow row = store().find(id).orElseThrow();
        assertThat(MonitorSettings.of(row)).isEqualTo(changed);
        assertThat(row.nextDueAt()).isEqualTo(NOW + 100); // kept
        assertThat(row.updatedAt()).isEqualTo(NOW + 1);
        assertThat(row.failures()).isEqualTo(1);

        assertThat(store().update(id, settings("renamed", "https://other.example.com/", 3L, false), NOW + 2, NOW + 999))
                .isTrue();
        row = store().find(id).orElseThrow();
        assertThat(row.enabled()).isFalse();
        assertThat(row.nextDueAt()).isEqualTo(NOW + 999);
        assertThat(row.failures()).isZero();
        assertThat(row.streakStartedAt()).isNull();

        assertThat(store().update(id + 1000, changed, NOW, null)).isFalse();
    }

    @Test
    void insertAllGivesEachMonitorItsFirstDueAndItsSealedHeaders() {
        List<MonitorSettings> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            MonitorSettings s = settings("m" + i, "https://m" + i + ".example.com/", i % 2 == 0 ? 1L : null, true);
            all.add(new MonitorSettings(
                    s.siteId(),
                    s.name(),
                    s.type(),
                    s.url(),
                    s.host(),
                    s.method(),
                    s.expectedStatus(),
                    s.keyword(),
                    s.keywordAbsent(),
                    i % 3 == 0 ? null : "sealed:headers-" + i,
                    s.followRedirects(),
                    s.maxResponseMs(),
                    s.timeoutSeconds(),
                    s.intervalSeconds(),
                    s.failuresToDown(),
                    s.successesToUp(),
                    s.ignoreTls(),
                    s.enabled()));
        }

        List<Long> ids = store().insertAll(all, "import", NOW, index -> NOW + index * 1000L);

        assertThat(ids).hasSize(25).doesNotHaveDuplicates().isSorted();
        for (int i = 0; i < ids.size(); i++) {
            MonitorRow row = store().find(ids.get(i)).orElseThrow();
            assertThat(row.name()).isEqualTo("m" + i);
            assertThat(row.siteId()).isEqualTo(i % 2 == 0 ? 1L : null);
            assertThat(row.nextDueAt()).isEqualTo(NOW + i * 1000L);
            assertThat(row.headersSealed()).isEqualTo(i % 3 == 0 ? null : "sealed:headers-" + i);
            assertThat(row.createdBy()).isEqualTo("import");
            assertThat(row.verdict()).isEqualTo("unknown");
        }
        assertThat(store().insertAll(List.of(), "import", NOW, i -> NOW)).isEmpty();
    }

    // ---------------------------------------------------------------- leases

    @Test
    void claimDueLeasesOnlyDueEnabledUnleasedMonitorsSoonestFirst() {
        long dueLate = insert("due-late", NOW - 1000);
        long dueEarly = insert("due-early", NOW - 5000);
        long withinHorizon = insert("horizon", NOW + 1500);
        long notDue = insert("later", NOW + 60_000);
        long paused = store().insert(settings("paused", "https://p.example.com/", null, false), "x", NOW, NOW - 9000);
        long heldByOther = insert("held", NOW - 3000);
        long expiredLease = insert("expired", NOW - 2000);
        long leaseEndsNow = insert("ends-now", NOW - 2500);
        db().update(
                        "UPDATE uptime_monitor SET claimed_by = 'other/1', claimed_until = ? WHERE id = ?",
                        NOW + 5000,
                        heldByOther);
        db().update(
                        "UPDATE uptime_monitor SET claimed_by = 'other/1', claimed_until = ? WHERE id = ?",
                        NOW - 1,
                        expiredLease);
        db().update(
                        "UPDATE uptime_monitor SET claimed_by = 'other/1', claimed_until = ? WHERE id = ?",
                        NOW,
                        leaseEndsNow);

        List<MonitorRow> claimed = store().claimDue("me/1", NOW, NOW + 2000, NOW + LEASE, 100);

        assertThat(claimed).extracting(MonitorRow::id).containsExactly(dueEarly, expiredLease, dueLate, withinHorizon);
        assertThat(claimed).allSatisfy(r -> {
            assertThat(r.claimedBy()).isEqualTo("me/1");
            assertThat(r.claimedUntil()).isEqualTo(NOW + LEASE);
        });
        assertThat(store().find(heldByOther).orElseThrow().claimedBy()).isEqualTo("other/1");
        assertThat(store().find(leaseEndsNow).orElseThrow().claimedBy()).isEqualTo("other/1");
        assertThat(store().find(notDue).orElseThrow().claimedBy()).isNull();
        assertThat(store().find(paused).orElseThrow().claimedBy()).isNull();

        // nothing left for anyone else while the leases hold
        assertThat(store().claimDue("you/1", NOW, NOW + 2000, NOW + LEASE, 100)).isEmpty();
    }

    @Test
    void claimDueTakesAtMostTheLimitSoonestFirst() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(insert("m" + i, NOW - 10_000 + i));
        }

        assertThat(store().claimDue("me/1", NOW, NOW, NOW + LEASE, 4))
                .extracting(MonitorRow::id)
                .containsExactlyElementsOf(ids.subList(0, 4));
        assertThat(store().claimDue("me/1", NOW, NOW, NOW + LEASE, 0)).isEmpty();
        assertThat(store().claimDue("me/1", NOW, NOW, NOW + LEASE, 100))
                .extracting(MonitorRow::id)
                .containsExactlyElementsOf(ids.subList(4, 10));
    }

    @Test
    void leasesExpire() {
        long id = insert("m", NOW - 1000);
        assertThat(store().claimDue("a/1", NOW, NOW, NOW + LEASE, 10)).hasSize(1);

        assertThat(store().claimDue("b/1", NOW + LEASE - 1, NOW + LEASE - 1, NOW + 2 * LEASE, 10))
                .isEmpty();
        assertThat(store().claimDue("b/1", NOW + LEASE, NOW + LEASE, NOW + 2 * LEASE, 10))
                .isEmpty();
        assertThat(store().claimDue("b/1", NOW + LEASE + 1, NOW + LEASE + 1, NOW + 2 * LEASE, 10))
                .extracting(MonitorRow::id, MonitorRow::claimedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "b/1"));
    }

    @Test
    void twoThreadsClaimingAtOnceNeverGetTheSameMonitor() throws Exception {
        List<MonitorSettings> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(settings("m" + i, "https://m" + i + ".example.com/", null, true));
        }
        List<Long> due = store().insertAll(all, "test", NOW, index -> NOW - 10_000 + index);
        long notDue = insert("later", NOW + 60_000);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (String token : List.of("node-a/1", "node-b/1")) {
            Callable<List<Long>> claimer = () -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                while (true) {
                    List<MonitorRow> rows = store().claimDue(token, NOW, NOW + 1000, NOW + LEASE, 97);
                    if (rows.isEmpty()) {
                        // on Derby a claim that lost every row of its batch to the other thread comes back empty
                        // although unleased monitors may still be due: stop only when none is left
                        if (db().count(
                                                "SELECT COUNT(*) FROM uptime_monitor WHERE enabled = TRUE AND next_due_at <= ?"
                                                        + " AND claimed_by IS NULL",
                                                NOW + 1000)
                                == 0) {
                            return mine;
                        }
                        continue;
                    }
                    for (MonitorRow r : rows) {
                        assertThat(r.claimedBy()).isEqualTo(token);
                        mine.add(r.id());
                    }
                }
            };
            results.add(pool.submit(claimer));
        }
        start.countDown();
        List<Long> a = results.get(0).get(120, TimeUnit.SECONDS);
        List<Long> b = results.get(1).get(120, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(a).doesNotHaveDuplicates();
        assertThat(b).doesNotHaveDuplicates();
        assertThat(a).doesNotContainAnyElementsOf(b);
        Set<Long> union = new HashSet<>(a);
        union.addAll(b);
        assertThat(union).containsExactlyInAnyOrderElementsOf(due).doesNotContain(notDue);
        // the database agrees with what each thread was told
        assertThat(db().count("SELECT COUNT(*) FROM uptime_monitor WHERE claimed_by = 'node-a/1'"))
                .isEqualTo(a.size());
        assertThat(db().count("SELECT COUNT(*) FROM uptime_monitor WHERE claimed_by = 'node-b/1'"))
                .isEqualTo(b.size());
    }

    @Test
    void releaseAllGivesBackTheLeasesOfOnePrefix() {
        long a1 = insert("a1", NOW - 10);
        long a2 = insert("a2", NOW - 10);
        long b1 = insert("b1", NOW - 10);
        long lookalike = insert("x", NOW - 10);
        store().claimOne(a1, "node_a/1", NOW, NOW + LEASE);
        store().claimOne(a2, "node_a/2", NOW, NOW + LEASE);
        store().claimOne(b1, "node-b/1", NOW, NOW + LEASE);
        store().claimOne(lookalike, "nodeXa/1", NOW, NOW + LEASE); // "_" must not match any character

        assertThat(store().releaseAll("node_a/")).isEqualTo(2);

        assertThat(store().find(a1).orElseThrow().claimedBy()).isNull();
        assertThat(store().find(a1).orElseThrow().claimedUntil()).isNull();
        assertThat(store().find(a2).orElseThrow().claimedBy()).isNull();
        assertThat(store().find(b1).orElseThrow().claimedBy()).isEqualTo("node-b/1");
        assertThat(store().find(lookalike).orElseThrow().claimedBy()).isEqualTo("nodeXa/1");
        assertThat(store().releaseAll("node_a/")).isZero();
    }

    @Test
    void releaseGivesBackOnlyOwnLeases() {
        long id = insert("m", NOW - 10);
        store().claimOne(id, "a/1", NOW, NOW + LEASE);

        store().release(id, "b/1");
        assertThat(store().find(id).orElseThrow().claimedBy()).isEqualTo("a/1");
        store().release(id, "a/1");
        assertThat(store().find(id).orElseThrow().claimedBy()).isNull();
    }

    @Test
    void claimOneConflictsWhileAnotherCheckHoldsTheLease() {
        long id = insert("m", NOW + 60_000); // not due: a manual check

        Optional<MonitorRow> first = store().claimOne(id, "manual/1", NOW, NOW + LEASE);
        Optional<MonitorRow> second = store().claimOne(id, "manual/2", NOW + 1, NOW + LEASE);

        assertThat(first).get().extracting(MonitorRow::claimedBy).isEqualTo("manual/1");
        assertThat(first.get().claimedUntil()).isEqualTo(NOW + LEASE);
        assertThat(second).isEmpty();
        assertThat(store().claimDue("node/1", NOW + 1, NOW + 120_000, NOW + LEASE, 10))
                .isEmpty();
        // after the lease ran out
        assertThat(store().claimOne(id, "manual/3", NOW + LEASE + 1, NOW + 2 * LEASE))
                .get()
                .extracting(MonitorRow::claimedBy)
                .isEqualTo("manual/3");
        assertThat(store().claimOne(id + 1000, "manual/4", NOW, NOW + LEASE)).isEmpty();
    }

    // ---------------------------------------------------------------- record

    @Test
    void recordAppliesWhileTheTokenHoldsTheLease() {
        long id = insert("m", NOW - 10);
        store().claimDue("n/1", NOW, NOW, NOW + LEASE, 10);
        CheckWrite w = new CheckWrite(
                id,
                "n/1",
                NOW + 500,
                "up",
                321,
                204,
                null,
                null,
                "up",
                0,
                1,
                null,
                NOW + 500,
                true,
                NOW + 300_000,
                NOW + 86_400_000L * 20,
                30,
                CheckWrite.NONE,
                null,
                null,
                NOW + 500);

        List<MonitorStore.Written> written = store().record(List.of(w));

        assertThat(written).containsExactly(new MonitorStore.Written(w, true, null));
        MonitorRow row = store().find(id).orElseThrow();
        assertThat(row.verdict()).isEqualTo("up");
        assertThat(row.successes()).isEqualTo(1);
        assertThat(row.failures()).isZero();
        assertThat(row.stateSince()).isEqualTo(NOW + 500);
        assertThat(row.lastOutcome()).isEqualTo("up");
        assertThat(row.lastCheckAt()).isEqualTo(NOW + 500);
        assertThat(row.lastResponseMs()).isEqualTo(321);
        assertThat(row.lastStatusCode()).isEqualTo(204);
        assertThat(row.lastCause()).isNull();
        assertThat(row.lastError()).isNull();
        assertThat(row.nextDueAt()).isEqualTo(NOW + 300_000);
        assertThat(row.claimedBy()).isNull();
        assertThat(row.claimedUntil()).isNull();
        assertThat(row.certExpiresAt()).isEqualTo(NOW + 86_400_000L * 20);
        assertThat(row.certWarnedDays()).isEqualTo(30);

        List<CheckResultDto> results = DATABASE.get().history().results(id, 10);
        assertThat(results).hasSize(1);
        CheckResultDto r = results.get(0);
        assertThat(r.monitorId()).isEqualTo(id);
        assertThat(r.checkedAt().toEpochMilli()).isEqualTo(NOW + 500);
        assertThat(r.outcome()).isEqualTo(MonitorState.UP);
        assertThat(r.responseMs()).isEqualTo(321);
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(db().value("SELECT state_change FROM uptime_result WHERE monitor_id = ?", id))
                .isEqualTo(true);

        // a later write without a certificate keeps the known expiry
        store().claimOne(id, "n/2", NOW + 1000, NOW + LEASE);
        store().record(List.of(write(id, "n/2", NOW + 1000, "up", "up", CheckWrite.NONE, null)));
        assertThat(store().find(id).orElseThrow().certExpiresAt()).isEqualTo(NOW + 86_400_000L * 20);
        assertThat(store().find(id).orElseThrow().certWarnedDays()).isNull();
    }

    @Test
    void recordIsIgnoredWithoutTheLease() {
        long unleased = insert("unleased", NOW - 10);
        long heldByOther = insert("held", NOW - 10);
        store().claimOne(heldByOther, "other/1", NOW, NOW + LEASE);

        List<MonitorStore.Written> written = store().record(List.of(
                write(unleased, "me/1", NOW, "down", "down", CheckWrite.OPEN, null),
                write(heldByOther, "me/1", NOW, "down", "down", CheckWrite.OPEN, null)));

        assertThat(written).extracting(MonitorStore.Written::applied).containsExactly(false, false);
        assertThat(written).extracting(MonitorStore.Written::incidentId).containsExactly(null, null);
        assertThat(store().find(unleased).orElseThrow().verdict()).isEqualTo("unknown");
        assertThat(store().find(heldByOther).orElseThrow().verdict()).isEqualTo("unknown");
        assertThat(store().find(heldByOther).orElseThrow().claimedBy()).isEqualTo("other/1");
        assertThat(db().count("SELECT COUNT(*) FROM uptime_result")).isZero();
        assertThat(db().count("SELECT COUNT(*) FROM uptime_incident")).isZero();
    }

    @Test
    void aCheckWhoseLeaseWasTakenOverIsNotRecorded() {
        long id = insert("m", NOW - 10);
        store().claimDue("slow/1", NOW, NOW, NOW + LEASE, 10);
        // the slow node's lease runs out and another node takes the monitor over
        assertThat(store().claimDue("fast/1", NOW + LEASE + 1, NOW + LEASE + 1, NOW + 2 * LEASE, 10))
                .hasSize(1);

        List<MonitorStore.Written> late =
                store().record(List.of(write(id, "slow/1", NOW + LEASE + 5, "down", "down", CheckWrite.OPEN, null)));
        List<MonitorStore.Written> current =
                store().record(List.of(write(id, "fast/1", NOW + LEASE + 6, "up", "up", CheckWrite.NONE, null)));

        assertThat(late.get(0).applied()).isFalse();
        assertThat(current.get(0).applied()).isTrue();
        assertThat(store().find(id).orElseThrow().verdict()).isEqualTo("up");
        assertThat(db().count("SELECT COUNT(*) FROM uptime_result WHERE monitor_id = ?", id))
                .isEqualTo(1);
        assertThat(db().count("SELECT COUNT(*) FROM uptime_incident")).isZero();
    }

    @Test
    void aMonitorPausedDuringItsCheckKeepsItsVerdictAndLosesTheLease() {
        long id = insert("m", NOW - 10);
        store().claimDue("n/1", NOW, NOW, NOW + LEASE, 10);
        store().update(id, settings("m", "https://m.example.com/", null, false), NOW + 1, null);

        List<MonitorStore.Written> written =
                store().record(List.of(write(id, "n/1", NOW + 100, "down", "down", CheckWrite.OPEN, null)));

        assertThat(written.get(0).applied()).isFalse();
        MonitorRow row = store().find(id).orElseThrow();
        assertThat(row.verdict()).isEqualTo("unknown");
        assertThat(row.claimedBy()).isNull();
        assertThat(row.claimedUntil()).isNull();
        assertThat(db().count("SELECT COUNT(*) FROM uptime_result")).isZero();
    }

    @Test
    void goingDownOpensAnIncidentAndRecoveryClosesIt() {
        long id = store().insert(settings("m", "https://m.example.com/", 7L, true), "x", NOW, NOW - 10);
        store().claimDue("n/1", NOW, NOW, NOW + LEASE, 10);
        CheckWrite down = new CheckWrite(
                id,
                "n/1",
                NOW,
                "down",
                null,
                null,
                "connection",
                "Connection refused",
                "down",
                2,
                0,
                NOW - 30_000,
                NOW,
                true,
                NOW + 300_000,
                null,
                null,
                CheckWrite.OPEN,
                7L,
                null,
                NOW - 30_000);

        MonitorStore.Written opened = store().record(List.of(down)).get(0);

        assertThat(opened.applied()).isTrue();
        assertThat(opened.incidentId()).isNotNull();
        MonitorRow row = store().find(id).orElseThrow();
        assertThat(row.openIncidentId()).isEqualTo(opened.incidentId());
        assertThat(row.verdict()).isEqualTo("down");
        assertThat(row.streakStartedAt()).isEqualTo(NOW - 30_000);
        assertThat(row.lastCause()).isEqualTo("connection");
        assertThat(row.lastError()).isEqualTo("Connection refused");
        Map<String, Object> incident = db().query("SELECT * FROM uptime_incident WHERE id = ?", opened.incidentId())
                .get(0);
        assertThat(incident)
                .containsEntry("monitor_id", id)
                .containsEntry("site_id", 7L)
                .containsEntry("cause", "connection")
                .containsEntry("detail", "Connection refused")
                .containsEntry("started_at", NOW - 30_000)
                .containsEntry("confirmed_at", NOW)
                .containsEntry("ended_at", null);
        assertThat(db().value("SELECT state_change FROM uptime_result WHERE monitor_id = ?", id))
                .isEqualTo(true);

        store().claimOne(id, "n/2", NOW + 60_000, NOW + 60_000 + LEASE);
        CheckWrite up = write(id, "n/2", NOW + 60_000, "up", "up", CheckWrite.CLOSE, row.openIncidentId());
        MonitorStore.Written closed = store().record(List.of(up)).get(0);

        assertThat(closed.applied()).isTrue();
        assertThat(closed.incidentId()).isEqualTo(opened.incidentId());
        assertThat(store().find(id).orElseThrow().openIncidentId()).isNull();
        assertThat(db().value("SELECT ended_at FROM uptime_incident WHERE id = ?", opened.incidentId()))
                .isEqualTo(NOW + 60_000);
        assertThat(db().count("SELECT COUNT(*) FROM uptime_result WHERE monitor_id = ?", id))
                .isEqualTo(2);
    }

    @Test
    void anIncidentWithoutACauseIsAnErrorAndLongTextsAreCut() {
        long id = insert("m", NOW - 10);
        store().claimDue("n/1", NOW, NOW, NOW + LEASE, 10);
        String longDetail = "x".repeat(700);
        CheckWrite w = new CheckWrite(
                id,
                "n/1",
                NOW,
                "down",
                null,
                null,
                null,
                longDetail,
                "down",
                1,
                0,
                NOW,
                NOW,
                true,
                NOW + 1,
                null,
                null,
                CheckWrite.OPEN,
                null,
                null,
                NOW);

        Long incident = store().record(List.of(w)).get(0).incidentId();

        String lastError = store().find(id).orElseThrow().lastError();
        assertThat(lastError).hasSize(500).endsWith("…");
        assertThat((String) db().value("SELECT detail FROM uptime_result WHERE monitor_id = ?", id))
                .hasSize(300)
                .endsWith("…");
        assertThat(db().value("SELECT cause FROM uptime_incident WHERE id = ?", incident))
                .isEqualTo("error");
        assertThat((String) db().value("SELECT detail FROM uptime_incident WHERE id = ?", incident))
                .hasSize(500);
    }

    @Test
    void manyWritesInOneBatchApplyEachOnItsOwn() {
        long a = insert("a", NOW - 30);
        long b = insert("b", NOW - 20);
        long c = insert("c", NOW - 10);
        store().claimDue("n/1", NOW, NOW, NOW + LEASE, 2); // a and b, not c (limit)

        List<MonitorStore.Written> written = store().record(List.of(
                write(a, "n/1", NOW, "up", "up", CheckWrite.NONE, null),
                write(c, "n/1", NOW, "down", "down", CheckWrite.OPEN, null),
                write(b, "n/1", NOW, "down", "down", CheckWrite.OPEN, null)));

        assertThat(written).extracting(MonitorStore.Written::applied).containsExactly(true, false, true);
        assertThat(written.get(2).incidentId()).isNotNull();
        assertThat(store().find(b).orElseThrow().openIncidentId())
                .isEqualTo(written.get(2).incidentId());
        assertThat(store().find(c).orElseThrow().openIncidentId()).isNull();
        assertThat(db().count("SELECT COUNT(*) FROM uptime_result")).isEqualTo(2);
        assertThat(store().record(List.of())).isEmpty();
    }

    @Test
    void deleteRemovesTheMonitorWithItsHistory() {
        long gone = insert("gone", NOW - 10);
        long kept = insert("kept", NOW - 10);
        for (long id : List.of(gone, kept)) {
            store().claimOne(id, "n/1", NOW, NOW + LEASE);
            store().record(List.of(write(id, "n/1", NOW, "down", "down", CheckWrite.OPEN, null)));
            db().update(
                            "INSERT INTO uptime_rollup (monitor_id, period, bucket_start, up_count, down_count, unknown_count,"
                                    + " response_sum, response_count, histogram) VALUES (?, 'h', ?, 0, 1, 0, 0, 0, '')",
                            id,
                            NOW - NOW % 3_600_000);
        }

        assertThat(store().delete(gone)).isTrue();

        assertThat(store().find(gone)).isEmpty();
        for (String table : List.of("uptime_result", "uptime_incident", "uptime_rollup")) {
            assertThat(db().count("SELECT COUNT(*) FROM " + table + " WHERE monitor_id = ?", gone))
                    .as(table)
                    .isZero();
            assertThat(db().count("SELECT COUNT(*) FROM " + table + " WHERE monitor_id = ?", kept))
                    .as(table)
                    .isEqualTo(1);
        }
        assertThat(store().find(kept)).isPresent();
        assertThat(store().delete(gone)).isFalse();
    }
}
