package org.sitekeeper.notifications.internal.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.sitekeeper.core.api.persistence.Transactions;

/** Small helpers the stores share. */
final class StoreSupport {

    /** How many rows one retention transaction deletes at most, so that it never holds locks for long. */
    static final int PURGE_CHUNK = 2_000;

    private StoreSupport() {}

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** Whether a unique (or other integrity) constraint refused the write: SQLState class 23 on any database. */
    static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Deletes in chunks: {@code select} picks up to {@link #PURGE_CHUNK} ids, {@code delete} removes them; repeats
     * until a chunk comes back short. Each chunk is its own transaction.
     */
    static int purgeInChunks(
            EntityManagerFactory emf,
            Function<EntityManager, List<Long>> select,
            BiFunction<EntityManager, List<Long>, Integer> delete) {
        int total = 0;
        while (true) {
            int deleted = Transactions.inTransaction(emf, em -> {
                List<Long> ids = new ArrayList<>(select.apply(em));
                return ids.isEmpty() ? 0 : delete.apply(em, ids);
            });
            total += deleted;
            if (deleted < PURGE_CHUNK) {
                return total;
            }
        }
    }
}
