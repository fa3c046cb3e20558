package org.sitekeeper.core.api.persistence;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionsTest {

    /** How EclipseLink reports a failed commit: the SQL exception a few causes down. */
    private static RuntimeException wrapped(SQLException cause) {
        return new RollbackException("commit failed", new PersistenceException("database", cause));
    }

    @Test
    void lockRacesAreTransientOnDerbyAndPostgres() {
        assertThat(Transactions.isTransient(wrapped(new SQLTransactionRollbackException("lock", "40XL1"))))
                .isTrue();
        assertThat(Transactions.isTransient(wrapped(new SQLException("deadlock", "40XL2"))))
                .isTrue();
        assertThat(Transactions.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(Transactions.isTransient(wrapped(new SQLException("could not serialize", "40001"))))
                .isTrue();
    }

    @Test
    void aLockRaceBehindAnotherSqlExceptionCounts() {
        SQLException batch = new SQLException("batch failed", "XJ208");
        batch.setNextException(new SQLException("lock", "40XL1"));
        assertThat(Transactions.isTransient(wrapped(batch))).isTrue();
    }

    @Test
    void brokenDataAndADatabaseThatIsAwayAreNotLockRaces() {
        assertThat(Transactions.isTransient(wrapped(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(Transactions.isTransient(wrapped(new SQLException("no connection", "08001"))))
                .isFalse();
        assertThat(Transactions.isTransient(wrapped(new SQLException("no state"))))
                .isFalse();
        assertThat(Transactions.isTransient(new IllegalArgumentException("bad")))
                .isFalse();
        assertThat(Transactions.isTransient(null)).isFalse();
    }

    @Test
    void aLostLockRaceIsRunAgainUntilItSucceeds() {
        AtomicInteger runs = new AtomicInteger();
        String result = Transactions.retryingLockRaces(() -> {
            if (runs.incrementAndGet() < 3) {
                throw wrapped(new SQLTransactionRollbackException("lock", "40XL1"));
            }
            return "committed";
        });
        assertThat(result).isEqualTo("committed");
        assertThat(runs).hasValue(3);
    }

    @Test
    void aLockThatStaysTakenFailsAfterFourRunsWithTheLastFailure() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Transactions.retryingLockRaces(() -> {
                    throw wrapped(new SQLTransactionRollbackException("lock " + runs.incrementAndGet(), "40XL1"));
                }))
                .isInstanceOf(RollbackException.class)
                .rootCause()
                .hasMessage("lock 4");
        assertThat(runs).hasValue(Transactions.MAX_RUNS).hasValue(4);
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Transactions.retryingLockRaces(() -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("refused");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void checkedSqlFailuresAreRetriedAndRethrownAsThemselves() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Transactions.<Void, SQLException>retryingLockRaces(() -> {
                    runs.incrementAndGet();
                    throw new SQLException("deadlock", "40P01");
                }))
                .isInstanceOf(SQLException.class)
                .hasMessage("deadlock");
        assertThat(runs).hasValue(4);
    }

    @Test
    void anInterruptedThreadDoesNotWaitToRetry() {
        AtomicInteger runs = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Transactions.retryingLockRaces(() -> {
                        runs.incrementAndGet();
                        throw wrapped(new SQLException("lock", "40XL1"));
                    }))
                    .isInstanceOf(RollbackException.class);
            assertThat(runs).hasValue(1);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
    }
}
