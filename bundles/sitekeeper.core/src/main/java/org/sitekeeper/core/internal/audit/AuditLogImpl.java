package org.sitekeeper.core.internal.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.audit.AuditEntry;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.audit.AuditQuery;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.core.api.persistence.QueryFilter;
import org.sitekeeper.core.api.persistence.Transactions;
import org.sitekeeper.core.internal.persistence.CoreDatabase;
import org.sitekeeper.core.internal.store.AuditEntity;

/** The audit log in {@code core_audit}; entries are kept for the configured retention (see CoreRetention). */
@Component
public final class AuditLogImpl implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogImpl.class);

    private final CoreDatabase db;
    private final Clock clock;

    @Activate
    public AuditLogImpl(@Reference CoreDatabase db, @Reference Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void record(Actor actor, String action, String target, AuditOutcome outcome, String detail) {
        Instant at = clock.instant();
        try {
            // the entry is made inside the unit of work: a retried transaction persists a fresh one
            Transactions.run(
                    db.emf(),
                    em -> em.persist(new AuditEntity(
                            at,
                            cut(actor.name(), 120),
                            actor.role().wireName(),
                            actor.channel(),
                            cut(action, 80),
                            cut(target, 200),
                            outcome,
                            cut(detail, 1000),
                            cut(actor.clientAddress(), 64))));
        } catch (RuntimeException e) {
            LOG.error("Could not write audit entry {} {} by {}", action, target, actor.name(), e);
        }
    }

    @Override
    public Page<AuditEntry> query(AuditQuery query) {
        QueryFilter where = new QueryFilter()
                .equal("a.actor", "actor", query.actor())
                .startsWith("a.action", "action", query.actionPrefix())
                .equal("a.target", "target", query.target())
                .equal(
                        "a.outcome",
                        "outcome",
                        query.outcome() == null ? null : query.outcome().wireName())
                .atLeast(
                        "a.at",
                        "since",
                        query.since() == null ? null : query.since().toEpochMilli())
                .lessThan(
                        "a.at",
                        "until",
                        query.until() == null ? null : query.until().toEpochMilli());
        long before = query.page().after();
        return Transactions.read(db.emf(), em -> {
            long total = where.bind(em.createQuery("SELECT COUNT(a) FROM AuditEntity a" + where.clause(), Long.class))
                    .getSingleResult();
            // newest first: the cursor is the last id seen, the page continues below it
            where.lessThan("a.id", "before", before > 0 ? before : null);
            TypedQuery<AuditEntity> select = where.bind(em.createQuery(
                    "SELECT a FROM AuditEntity a" + where.clause() + " ORDER BY a.id DESC", AuditEntity.class));
            int limit = query.page().limit();
            List<AuditEntry> rows = select.setMaxResults(limit + 1).getResultList().stream()
                    .map(AuditEntity::toDto)
                    .toList();
            boolean more = rows.size() > limit;
            List<AuditEntry> items = more ? rows.subList(0, limit) : rows;
            String next = more ? Cursors.encode(items.get(items.size() - 1).id()) : null;
            return new Page<>(items, total, next);
        });
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
