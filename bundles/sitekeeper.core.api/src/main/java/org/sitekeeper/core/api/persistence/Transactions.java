package org.sitekeeper.core.api.persistence;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;

/**
 * Resource-local JPA units of work: one entity manager and one transaction, committed or rolled back.
 *
 * <p>A transaction that loses a lock race is run again: a deadlock or serialization failure on PostgreSQL, a lock
 * timeout or deadlock on Derby (whose identity columns take a short lock on the catalogue whenever a new range of
 * values is handed out, so two first inserts into one table right after a start can collide). Work given here must
 * therefore be safe to run twice: it touches only the entity manager, and creates the entities it persists itself.
 */
public final class Transactions {

    /** Runs of one unit of work at most, the first included. */
    static final int MAX_RUNS = 4;

    private Transactions() {}

    /** Runs {@code work} in a transaction and commits; any failure rolls back and is rethrown. */
    public static <T> T inTransaction(EntityManagerFactory emf, Function<EntityManager, T> work) {
        return retryingLockRaces(() -> once(emf, work));
    }

    /** One run of a unit of work, which may fail with {@code E}. */
    @FunctionalInterface
    public interface Run<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code unit} (one whole transaction, begun and ended inside it) again when it fails with a lost lock race
     * ({@link #isTransient}), after a short jittered pause, up to {@value #MAX_RUNS} runs in all; any other failure,
     * or the last, is thrown as it is. For stores that work on JDBC connections rather than entity managers.
     */
    public static <T, E extends Exception> T retryingLockRaces(Run<T, E> unit) throws E {
        for (int run = 1; ; run++) {
            try {
                return unit.run();
            } catch (Exception e) {
                if (run >= MAX_RUNS || !isTransient(e) || !pause(run)) {
                    throw e;
                }
            }
        }
    }

    /** {@link #inTransaction} for work without a result. */
    public static void run(EntityManagerFactory emf, Consumer<EntityManager> work) {
        inTransaction(emf, em -> {
            work.accept(em);
            return null;
        });
    }

    /** Read-only work outside a transaction. */
    public static <T> T read(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * Whether a failure is a lost lock race that the same transaction, run again, would likely not meet: SQL state
     * {@code 40001} (serialization failure), {@code 40P01} (PostgreSQL deadlock), {@code 40XL1} and {@code 40XL2}
     * (Derby lock timeout and deadlock), anywhere in the chain of causes.
     */
    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if ("40001".equals(state)
                            || "40P01".equals(state)
                            || "40XL1".equals(state)
                            || "40XL2".equals(state)) {
                        return true;
                    }
                    if (s.getNextException() == s) {
                        break;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static <T> T once(EntityManagerFactory emf, Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /**
     * A short, jittered pause before run {@code run + 1}: 20–40 ms, then 40–80 ms, then 80–160 ms; {@code false}
     * when the thread was interrupted meanwhile (then the failure is not retried).
     */
    private static boolean pause(int run) {
        long base = 20L << (run - 1);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
