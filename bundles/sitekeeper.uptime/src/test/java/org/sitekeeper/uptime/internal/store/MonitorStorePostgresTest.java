package org.sitekeeper.uptime.internal.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.sitekeeper.core.internal.persistence.FlywaySchemaMigrator;
import org.sitekeeper.uptime.internal.service.UptimeStores;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leasing SQL of the PostgreSQL profile ({@code FOR UPDATE SKIP LOCKED ... RETURNING}) on the machine's real
 * PostgreSQL (127.0.0.1:5432, trust auth), in a database of its own that is dropped afterwards: several nodes
 * leasing at once never get the same monitor.
 */
class MonitorStorePostgresTest {

    private static final String DATABASE =
            "sitekeeper_uptime_test_" + ProcessHandle.current().pid();

    private static MonitorStore store;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        ds.setUser("postgres");
        UptimeStores stores = new UptimeStores(ds, new FlywaySchemaMigrator(ds), UptimeStores.class.getClassLoader());
        assertThat(stores.db().postgres()).isTrue();
        store = stores.monitors();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    private static MonitorSettings http(String url, boolean enabled) {
        return new MonitorSettings(
                null,
                "m",
                "http",
                url,
                "127.0.0.2",
                "GET",
                "200-399",
                null,
                false,
                null,
                true,
                0,
                5,
                60,
                2,
                1,
                false,
                enabled);
    }

    @Test
    void fourNodesLeasingAtOnceShareTheDueMonitorsWithoutOverlap() throws Exception {
        long now = 1_800_000_000_000L;
        List<MonitorSettings> all = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            all.add(http("http://127.0.0.2/" + i, true));
        }
        List<Long> due = store.insertAll(all, "test", now, index -> now - 1000 + index);
        List<Long> paused =
                store.insertAll(List.of(http("http://127.0.0.2/paused", false)), "test", now, i -> now - 5000);
        List<Long> later =
                store.insertAll(List.of(http("http://127.0.0.2/later", true)), "test", now, i -> now + 60_000);

        ExecutorService nodes = Executors.newFixedThreadPool(4);
        List<Future<List<Long>>> leased = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            String token = "node-" + n + "/1";
            Callable<List<Long>> node = () -> {
                List<Long> mine = new ArrayList<>();
                while (true) {
                    List<MonitorRow> rows = store.claimDue(token, now, now + 2000, now + 120_000, 97);
                    if (rows.isEmpty()) {
                        return mine;
                    }
                    rows.forEach(r -> {
                        assertThat(r.claimedBy()).isEqualTo(token);
                        mine.add(r.id());
                    });
                }
            };
            leased.add(nodes.submit(node));
        }
        List<Long> union = new ArrayList<>();
        for (Future<List<Long>> f : leased) {
            union.addAll(f.get());
        }
        nodes.shutdown();

        Set<Long> distinct = new HashSet<>(union);
        assertThat(union).hasSameSizeAs(distinct); // no monitor leased twice
        assertThat(distinct)
                .containsExactlyInAnyOrderElementsOf(due)
                .doesNotContainAnyElementsOf(paused)
                .doesNotContainAnyElementsOf(later);
        assertThat(store.claimDue("node-9/1", now, now + 2000, now + 120_000, 100))
                .isEmpty(); // all held
        // the leases run out: everything is due again for whoever asks
        assertThat(store.claimDue("node-9/2", now + 130_000, now + 130_000, now + 250_000, 5000))
                .extracting(MonitorRow::id)
                .containsAll(due);
        assertThat(store.releaseAll("node-9/")).isEqualTo(due.size() + later.size());
    }
}
