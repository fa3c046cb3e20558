package org.sitekeeper.notifications.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManagerFactory;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.core.api.persistence.QueryFilter;
import org.sitekeeper.core.api.persistence.Transactions;
import org.sitekeeper.notifications.api.InboxItemDto;

/** The in-app inbox staff read and acknowledge. */
public final class InboxStore {

    /** A notification to put in the inbox. */
    public record NewItem(
            long deliveryId, String title, String message, String severity, String topic, Long siteId, String link) {}

    private final EntityManagerFactory emf;

    public InboxStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /**
     * Adds an item for a delivery; a delivery sent again (at-least-once) adds nothing the second time.
     *
     * @return the item's id
     */
    public long add(NewItem item, Instant now) {
        return Transactions.inTransaction(emf, em -> {
            List<Long> existing = em.createQuery(
                            "SELECT i.id FROM InboxEntity i WHERE i.deliveryId = :delivery", Long.class)
                    .setParameter("delivery", item.deliveryId())
                    .getResultList();
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
            InboxEntity e = new InboxEntity();
            e.deliveryId = item.deliveryId();
            e.title = StoreSupport.cut(item.title(), 300);
            e.message = StoreSupport.cut(item.message(), 4000);
            e.severity = item.severity();
            e.topic = StoreSupport.cut(item.topic(), 200);
            e.siteId = item.siteId();
            e.link = StoreSupport.cut(item.link(), 1000);
            e.createdAt = now.toEpochMilli();
            em.persist(e);
            em.flush();
            return e.id;
        });
    }

    /** Newest first. */
    public Page<InboxItemDto> list(boolean unacknowledgedOnly, PageRequest page) {
        QueryFilter where = new QueryFilter();
        if (unacknowledgedOnly) {
            where.condition("i.acknowledgedAt IS NULL", Map.of());
        }
        return Transactions.read(emf, em -> {
            long total = where.bind(em.createQuery("SELECT COUNT(i) FROM InboxEntity i" + where.clause(), Long.class))
                    .getSingleResult();
            where.lessThan("i.id", "before", page.after() > 0 ? page.after() : null);
            List<InboxItemDto> rows = where
                    .bind(em.createQuery(
                            "SELECT i FROM InboxEntity i" + where.clause() + " ORDER BY i.id DESC", InboxEntity.class))
                    .setMaxResults(page.limit() + 1)
                    .getResultList()
                    .stream()
                    .map(InboxStore::dto)
                    .toList();
            boolean more = rows.size() > page.limit();
            List<InboxItemDto> items = more ? rows.subList(0, page.limit()) : rows;
            return new Page<>(
                    items,
                    total,
                    more ? Cursors.encode(items.get(items.size() - 1).id()) : null);
        });
    }

    public long countUnacknowledged() {
        return Transactions.read(emf, em -> em.createQuery(
                        "SELECT COUNT(i) FROM InboxEntity i WHERE i.acknowledgedAt IS NULL", Long.class)
                .getSingleResult());
    }

    /** Acknowledges an item (acknowledging it again keeps the first acknowledgement). */
    public InboxItemDto acknowledge(long id, String by, Instant now) {
        return Transactions.inTransaction(emf, em -> {
            InboxEntity e = em.find(InboxEntity.class, id);
            if (e == null) {
                throw NotFoundException.of("inbox item", id);
            }
            if (e.acknowledgedAt == null) {
                e.acknowledgedAt = now.toEpochMilli();
                e.acknowledgedBy = by;
            }
            return dto(e);
        });
    }

    public int acknowledgeAll(String by, Instant now) {
        return Transactions.inTransaction(
                emf, em -> em.createQuery("UPDATE InboxEntity i SET i.acknowledgedAt = :now, i.acknowledgedBy = :by"
                                + " WHERE i.acknowledgedAt IS NULL")
                        .setParameter("now", now.toEpochMilli())
                        .setParameter("by", by)
                        .executeUpdate());
    }

    /** Deletes items created before {@code cutoff}; returns how many. */
    public int purge(Instant cutoff) {
        return StoreSupport.purgeInChunks(
                emf,
                em -> em.createQuery(
                                "SELECT i.id FROM InboxEntity i WHERE i.createdAt < :cutoff ORDER BY i.id", Long.class)
                        .setParameter("cutoff", cutoff.toEpochMilli())
                        .setMaxResults(StoreSupport.PURGE_CHUNK)
                        .getResultList(),
                (em, ids) -> em.createQuery("DELETE FROM InboxEntity i WHERE i.id IN :ids")
                        .setParameter("ids", ids)
                        .executeUpdate());
    }

    private static InboxItemDto dto(InboxEntity e) {
        return new InboxItemDto(
                e.id,
                e.title,
                e.message,
                e.severity,
                e.topic,
                e.siteId,
                e.link,
                Instant.ofEpochMilli(e.createdAt),
                e.acknowledgedAt == null ? null : Instant.ofEpochMilli(e.acknowledgedAt),
                e.acknowledgedBy);
    }
}
