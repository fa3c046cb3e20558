package org.sitekeeper.sites.internal.store;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.FlushModeType;
import javax.persistence.PersistenceException;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.core.api.persistence.QueryFilter;
import org.sitekeeper.core.api.persistence.Transactions;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteQuery;
import org.sitekeeper.sites.api.SiteService.GroupCount;
import org.sitekeeper.sites.api.SiteStatus;

/** The site registry's table. Entities never leave this class: callers get DTOs. */
public final class SiteStore {

    private final EntityManagerFactory emf;

    public SiteStore(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /**
     * Inserts a new site made by {@code newSite} (called once per run of the transaction, so that a retried run
     * persists a fresh entity); a second site with the same owner and URL is a conflict.
     */
    public SiteDto insert(Supplier<SiteEntity> newSite) {
        return Transactions.inTransaction(emf, em -> {
            SiteEntity site = newSite.get();
            requireUnique(em, site.owner(), site.url(), null);
            em.persist(site);
            try {
                em.flush();
            } catch (PersistenceException e) {
                throw duplicateOr(e, site.owner(), site.url());
            }
            return site.toDto();
        });
    }

    public Optional<SiteDto> find(long id) {
        return Transactions.read(
                emf, em -> Optional.ofNullable(em.find(SiteEntity.class, id)).map(SiteEntity::toDto));
    }

    /** Changes a site inside one transaction; {@code change} may throw to refuse. */
    public SiteDto update(long id, Consumer<SiteEntity> change) {
        SiteEntity[] seen = new SiteEntity[1];
        try {
            return Transactions.inTransaction(emf, em -> {
                SiteEntity site = em.find(SiteEntity.class, id);
                if (site == null) {
                    throw NotFoundException.of("site", id);
                }
                seen[0] = site;
                change.accept(site);
                requireUnique(em, site.owner(), site.url(), site.id());
                em.flush();
                return site.toDto();
            });
        } catch (PersistenceException e) {
            throw seen[0] == null ? e : duplicateOr(e, seen[0].owner(), seen[0].url());
        }
    }

    /** Deletes a site; returns what it was. */
    public SiteDto delete(long id) {
        return Transactions.inTransaction(emf, em -> {
            SiteEntity site = em.find(SiteEntity.class, id);
            if (site == null) {
                throw NotFoundException.of("site", id);
            }
            SiteDto gone = site.toDto();
            em.remove(site);
            return gone;
        });
    }

    public Page<SiteDto> list(SiteQuery query) {
        QueryFilter where = new QueryFilter()
                .equal(
                        "s.status",
                        "status",
                        query.status() == null ? null : query.status().wireName())
                .equal("s.group", "grp", query.group())
                .equal("s.owner", "owner", query.owner())
                .containsIgnoreCase("text", query.text(), "s.name", "s.url");
        if (query.tag() != null) {
            where.condition("s.tags LIKE :tag", Map.of("tag", "%," + query.tag() + ",%"));
        }
        return Transactions.read(emf, em -> {
            long total = where.bind(em.createQuery("SELECT COUNT(s) FROM SiteEntity s" + where.clause(), Long.class))
                    .getSingleResult();
            where.greaterThan(
                    "s.id", "after", query.page().after() > 0 ? query.page().after() : null);
            int limit = query.page().limit();
            List<SiteDto> rows = where
                    .bind(em.createQuery(
                            "SELECT s FROM SiteEntity s" + where.clause() + " ORDER BY s.id", SiteEntity.class))
                    .setMaxResults(limit + 1)
                    .getResultList()
                    .stream()
                    .map(SiteEntity::toDto)
                    .toList();
            boolean more = rows.size() > limit;
            List<SiteDto> items = more ? rows.subList(0, limit) : rows;
            return new Page<>(
                    items,
                    total,
                    more ? Cursors.encode(items.get(items.size() - 1).id()) : null);
        });
    }

    public Map<SiteStatus, Long> countByStatus() {
        Map<SiteStatus, Long> counts = new EnumMap<>(SiteStatus.class);
        for (SiteStatus status : SiteStatus.values()) {
            counts.put(status, 0L);
        }
        Transactions.read(emf, em -> em.createNamedQuery("Site.countByStatus", Object[].class)
                        .getResultList())
                .forEach(row -> SiteStatus.fromWireName((String) row[0])
                        .ifPresent(status -> counts.put(status, ((Number) row[1]).longValue())));
        return counts;
    }

    public List<GroupCount> groups() {
        return Transactions.read(emf, em -> em.createNamedQuery("Site.groups", Object[].class)
                        .getResultList())
                .stream()
                .map(row -> new GroupCount((String) row[0], ((Number) row[1]).longValue()))
                .toList();
    }

    public void markSeen(long id, Instant at) {
        Transactions.run(emf, em -> {
            SiteEntity site = em.find(SiteEntity.class, id);
            if (site != null) {
                site.seen(at);
            }
        });
    }

    private static void requireUnique(EntityManager em, String owner, String url, Long self) {
        boolean taken = em.createNamedQuery("Site.byOwnerAndUrl", SiteEntity.class)
                .setFlushMode(FlushModeType.COMMIT) // check before the pending change reaches the index
                .setParameter("owner", owner)
                .setParameter("urlHash", SiteEntity.hash(url))
                .getResultStream()
                .anyMatch(other -> !other.id().equals(self));
        if (taken) {
            throw conflict(owner, url);
        }
    }

    private static RuntimeException duplicateOr(PersistenceException e, String owner, String url) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return conflict(owner, url); // a concurrent insert won the unique index
            }
        }
        return e;
    }

    private static ConflictException conflict(String owner, String url) {
        return new ConflictException(
                "url",
                owner + " already has a site at " + url
                        + " (a disconnected one counts too: reconnect it with PATCH status=active)");
    }
}
