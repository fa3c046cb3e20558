package org.sitekeeper.notifications.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManagerFactory;

import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.persistence.Transactions;

/** Silences and maintenance windows. */
public final class SilenceStore {

    private final EntityManagerFactory emf;

    public SilenceStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Silences not ended by {@code now} (open-ended ones included), or all of them. */
    public List<StoredSilence> list(boolean includeEnded, Instant now) {
        return Transactions.read(emf, em -> (includeEnded
                                ? em.createQuery(
                                        "SELECT s FROM SilenceEntity s ORDER BY s.startsAt DESC, s.id DESC",
                                        SilenceEntity.class)
                                : em.createQuery(
                                                "SELECT s FROM SilenceEntity s WHERE s.endsAt IS NULL OR s.endsAt > :now"
                                                        + " ORDER BY s.startsAt DESC, s.id DESC",
                                                SilenceEntity.class)
                                        .setParameter("now", now.toEpochMilli()))
                        .setMaxResults(10_000)
                        .getResultList())
                .stream()
                .map(StoredSilence::of)
                .toList();
    }

    public Optional<StoredSilence> find(long id) {
        return Transactions.read(
                emf, em -> Optional.ofNullable(em.find(SilenceEntity.class, id)).map(StoredSilence::of));
    }

    public StoredSilence insert(
            String kind,
            String reason,
            SilenceDefinition definition,
            Instant startsAt,
            Instant endsAt,
            String createdBy,
            Instant now) {
        return Transactions.inTransaction(emf, em -> {
            SilenceEntity e = new SilenceEntity();
            e.kind = kind;
            e.reason = reason;
            e.definition = Json.write(definition);
            e.startsAt = startsAt.toEpochMilli();
            e.endsAt = endsAt == null ? null : endsAt.toEpochMilli();
            e.createdBy = createdBy;
            e.createdAt = now.toEpochMilli();
            em.persist(e);
            em.flush();
            return StoredSilence.of(e);
        });
    }

    /** Ends a silence at {@code now} (a window that has not started yet ends before it starts). */
    public StoredSilence end(long id, Instant now) {
        return Transactions.inTransaction(emf, em -> {
            SilenceEntity e = em.find(SilenceEntity.class, id);
            if (e == null) {
                throw NotFoundException.of("silence", id);
            }
            long at = now.toEpochMilli();
            if (e.endsAt == null || e.endsAt > at) {
                e.endsAt = Math.max(at, e.startsAt);
            }
            return StoredSilence.of(e);
        });
    }

    /** Deletes silences that ended before {@code cutoff}; returns how many. */
    public int purgeEndedBefore(Instant cutoff) {
        return Transactions.inTransaction(emf, em -> em.createQuery(
                        "DELETE FROM SilenceEntity s WHERE s.endsAt IS NOT NULL AND s.endsAt < :cutoff")
                .setParameter("cutoff", cutoff.toEpochMilli())
                .executeUpdate());
    }
}
