package org.sitekeeper.sites.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sitekeeper.core.api.persistence.Transactions;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Transactions} on a real Derby database: a unit of work that meets a row locked by another transaction
 * times out (Derby's lock wait is set to one second here) and is run again until the other transaction is done,
 * instead of failing the caller.
 */
class TransactionsOnDerbyTest {

    @TempDir
    static Path directory;

    private static DerbyDatabase database;

    @BeforeAll
    static void openDatabase() throws Exception {
        database = new DerbyDatabase(directory);
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')");
        }
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Test
    void aUnitThatMeetsALockedRowWaitsItOutByRunningAgain() throws Exception {
        SiteStore store = new SiteStore(database.emf());
        SiteDto site = store.insert(() ->
                new SiteEntity("https://locked.example.com", "locked", "admin", SiteStatus.ACTIVE, Instant.now()));
        CountDownLatch held = new CountDownLatch(1);
        AtomicReference<Exception> holderFailed = new AtomicReference<>();
        Thread holder = new Thread(() -> {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("UPDATE sites_site SET notes = ? WHERE id = ?")) {
                    ps.setString(1, "held by another transaction");
                    ps.setLong(2, site.id());
                    ps.executeUpdate();
                }
                held.countDown();
                Thread.sleep(1_500); // longer than one lock wait (1 s), shorter than four
                c.commit();
            } catch (Exception e) {
                holderFailed.set(e);
                held.countDown();
            }
        });
        holder.start();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicInteger runs = new AtomicInteger();
        Transactions.run(database.emf(), em -> {
            runs.incrementAndGet();
            em.find(SiteEntity.class, site.id()).setNotes("written after the lock was released");
        });
        holder.join(10_000);

        assertThat(holderFailed.get()).isNull();
        assertThat(runs.get()).as("runs of the unit of work").isGreaterThanOrEqualTo(2);
        List<String> notes = Transactions.read(
                database.emf(), em -> em.createQuery("SELECT s.notes FROM SiteEntity s WHERE s.id = :id", String.class)
                        .setParameter("id", site.id())
                        .getResultList());
        assertThat(notes).containsExactly("written after the lock was released");
    }
}
