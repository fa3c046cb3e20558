package org.sitekeeper.notifications.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManagerFactory;

import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.persistence.Transactions;

/** The routing rules. */
public final class RuleStore {

    private final EntityManagerFactory emf;

    public RuleStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Every rule in evaluation order. */
    public List<StoredRule> list() {
        return Transactions.read(emf, em -> em.createQuery(
                                "SELECT r FROM RuleEntity r ORDER BY r.position, r.id", RuleEntity.class)
                        .getResultList())
                .stream()
                .map(StoredRule::of)
                .toList();
    }

    public Optional<StoredRule> find(long id) {
        return Transactions.read(
                emf, em -> Optional.ofNullable(em.find(RuleEntity.class, id)).map(StoredRule::of));
    }

    /** Inserts a rule; without a position it goes after the last rule. */
    public StoredRule insert(String name, boolean enabled, Integer position, RuleDefinition definition, Instant now) {
        return Transactions.inTransaction(emf, em -> {
            RuleEntity e = new RuleEntity();
            e.name = name;
            e.enabled = enabled;
            e.position = position != null
                    ? position
                    : em.createQuery("SELECT MAX(r.position) FROM RuleEntity r", Integer.class)
                                    .getResultStream()
                                    .filter(p -> p != null)
                                    .findFirst()
                                    .orElse(0)
                            + 10;
            e.definition = Json.write(definition);
            e.createdAt = now.toEpochMilli();
            e.updatedAt = e.createdAt;
            em.persist(e);
            em.flush();
            return StoredRule.of(e);
        });
    }

    public StoredRule replace(
            long id, String name, boolean enabled, Integer position, RuleDefinition definition, Instant now) {
        return Transactions.inTransaction(emf, em -> {
            RuleEntity e = em.find(RuleEntity.class, id);
            if (e == null) {
                throw NotFoundException.of("rule", id);
            }
            e.name = name;
            e.enabled = enabled;
            if (position != null) {
                e.position = position;
            }
            e.definition = Json.write(definition);
            e.updatedAt = now.toEpochMilli();
            em.flush();
            return StoredRule.of(e);
        });
    }

    /** Deletes a rule and what it remembered about alerts. */
    public StoredRule delete(long id) {
        return Transactions.inTransaction(emf, em -> {
            RuleEntity e = em.find(RuleEntity.class, id);
            if (e == null) {
                throw NotFoundException.of("rule", id);
            }
            StoredRule gone = StoredRule.of(e);
            em.remove(e);
            em.createQuery("DELETE FROM RouteStateEntity s WHERE s.ruleId = :id")
                    .setParameter("id", id)
                    .executeUpdate();
            return gone;
        });
    }
}
