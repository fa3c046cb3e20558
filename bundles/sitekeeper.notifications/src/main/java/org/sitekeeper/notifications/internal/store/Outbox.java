package org.sitekeeper.notifications.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.core.api.persistence.QueryFilter;
import org.sitekeeper.core.api.persistence.Transactions;
import org.sitekeeper.notifications.api.DeliveryDto;
import org.sitekeeper.notifications.api.DeliveryQuery;
import org.sitekeeper.notifications.internal.domain.AlertEvent;
import org.sitekeeper.notifications.internal.domain.RouteState;

/**
 * The alerts, the outbox and the delivery log. A delivery is written in the same transaction as the alert that
 * caused it, before anything is sent; nodes lease due deliveries with a conditional update, so two nodes never
 * send the same one at the same time; a lease that runs out (a node died mid-send) makes the delivery due again,
 * so it is sent again rather than lost.
 */
public final class Outbox {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    /** How an attempt ended, as the log shows it. */
    public enum Outcome {
        DELIVERED("delivered"),
        RETRY("retry"),
        FAILED("failed");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Renders several messages that wait in the same group as one: returns the subject and the message. */
    public interface Merger {
        Merged merge(List<StoredMessage> parts, List<String> subjects);
    }

    /** A merged message. */
    public record Merged(String subject, StoredMessage message) {}

    /** Counts for health and the console. */
    public record Stats(long pending, long due, Instant oldestDue, long failedSince, long deliveredSince) {}

    private final EntityManagerFactory emf;

    public Outbox(EntityManagerFactory emf) {
        this.emf = emf;
    }

    // ---------------------------------------------------------------- intake

    /** Runs intake work in one transaction: everything it wrote is committed together, or nothing. */
    public <T> T inTransaction(Function<AlertTx, T> work) {
        return Transactions.inTransaction(emf, em -> work.apply(new JpaAlertTx(em)));
    }

    private static final class JpaAlertTx implements AlertTx {

        private final EntityManager em;

        JpaAlertTx(EntityManager em) {
            this.em = em;
        }

        @Override
        public long fire(AlertEvent event, Instant now) {
            AlertEntity alert = find(event.alertKey());
            long at = event.occurredAt().toEpochMilli();
            if (alert == null) {
                alert = new AlertEntity();
                alert.alertKey = event.alertKey();
                alert.firstAt = at;
                alert.occurrences = 0;
            } else if (RESOLVED.equals(alert.status)) {
                alert.firstAt = at; // it fires again: a new episode
                alert.occurrences = 0;
                alert.resolvedAt = null;
            }
            alert.status = FIRING;
            alert.topic = event.topic();
            alert.siteId = event.siteId();
            alert.severity = event.severity().wireName();
            alert.title = event.title();
            alert.lastAt = Math.max(at, alert.lastAt);
            alert.occurrences++;
            alert.event = eventJson(event);
            if (alert.id == null) {
                em.persist(alert);
                em.flush();
            }
            return alert.id;
        }

        @Override
        public Optional<Long> resolve(AlertEvent event, Instant now) {
            AlertEntity alert = find(event.alertKey());
            if (alert == null) {
                return Optional.empty();
            }
            if (FIRING.equals(alert.status)) {
                alert.status = RESOLVED;
                alert.resolvedAt = event.occurredAt().toEpochMilli();
                alert.lastAt = Math.max(alert.lastAt, alert.resolvedAt);
            }
            return Optional.of(alert.id);
        }

        private AlertEntity find(String key) {
            return em.createQuery("SELECT a FROM AlertEntity a WHERE a.alertKey = :key", AlertEntity.class)
                    .setParameter("key", key)
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public Map<Long, RouteState> routeStates(long alertId) {
            Map<Long, RouteState> states = new HashMap<>();
            for (RouteStateEntity s : states(alertId)) {
                states.put(
                        s.ruleId,
                        new RouteState(
                                s.notifiedFiring,
                                s.lastNotifiedAt == null ? null : Instant.ofEpochMilli(s.lastNotifiedAt)));
            }
            return states;
        }

        private List<RouteStateEntity> states(long alertId) {
            return em.createQuery("SELECT s FROM RouteStateEntity s WHERE s.alertId = :alert", RouteStateEntity.class)
                    .setParameter("alert", alertId)
                    .getResultList();
        }

        @Override
        public void saveRouteState(long alertId, long ruleId, RouteState state) {
            RouteStateEntity row = states(alertId).stream()
                    .filter(s -> s.ruleId == ruleId)
                    .findFirst()
                    .orElse(null);
            if (row == null) {
                row = new RouteStateEntity();
                row.alertId = alertId;
                row.ruleId = ruleId;
                em.persist(row);
            }
            row.notifiedFiring = state.notifiedFiring();
            row.lastNotifiedAt = state.lastNotifiedAt() == null
                    ? null
                    : state.lastNotifiedAt().toEpochMilli();
        }

        @Override
        public boolean advanceRouteState(long alertId, long ruleId, Instant expectedLastNotifiedAt, Instant now) {
            // plain SQL: in a JPQL bulk update EclipseLink's Derby platform turns both a TRUE literal and a bound
            // Boolean into 1, which Derby refuses to compare with a BOOLEAN column; SQL's TRUE works on Derby and
            // PostgreSQL alike
            return em.createNativeQuery(
                                    "UPDATE notifications_route_state SET last_notified_at = ?, version = version + 1"
                                            + " WHERE alert_id = ? AND rule_id = ? AND notified_firing = TRUE"
                                            + " AND last_notified_at = ?")
                            .setParameter(1, now.toEpochMilli())
                            .setParameter(2, alertId)
                            .setParameter(3, ruleId)
                            .setParameter(4, expectedLastNotifiedAt.toEpochMilli())
                            .executeUpdate()
                    == 1;
        }

        @Override
        public long insert(NewDelivery d) {
            DeliveryEntity e = new DeliveryEntity();
            e.alertId = d.alertId();
            e.alertKey = d.alertKey();
            e.topic = d.topic();
            e.severity = d.severity();
            e.siteId = d.siteId();
            e.kind = d.kind();
            e.ruleId = d.ruleId();
            e.channelId = d.channelId();
            e.recipients = d.recipients().isEmpty() ? null : String.join("\n", d.recipients());
            e.subject = StoreSupport.cut(d.subject(), 300);
            e.message = Json.write(d.message());
            e.status = d.status();
            e.attempts = 0;
            e.nextAttemptAt = d.nextAttemptAt().toEpochMilli();
            e.deadlineAt = d.deadline().toEpochMilli();
            e.groupKey = d.groupKey();
            e.suppressedBy = d.suppressedBy();
            e.lastError = StoreSupport.cut(d.note(), 500);
            e.createdAt = d.createdAt().toEpochMilli();
            em.persist(e);
            em.flush();
            return e.id;
        }
    }

    static String eventJson(AlertEvent event) {
        String json = Json.write(event);
        if (json.length() <= 8000) {
            return json;
        }
        // an event with huge extra properties: keep the standard ones so reminders can still be rendered
        Map<String, String> kept = new LinkedHashMap<>();
        event.properties().forEach((k, v) -> {
            if (v.length() <= 200 && kept.size() < 40) {
                kept.put(k, v);
            }
        });
        return Json.write(new AlertEvent(
                event.topic(),
                event.alertKey(),
                event.siteId(),
                event.severity(),
                event.title(),
                StoreSupport.cut(event.message(), 1000),
                event.link(),
                event.occurredAt(),
                event.recovery(),
                kept));
    }

    // ---------------------------------------------------------------- dispatch

    /**
     * Leases up to {@code limit} due deliveries to {@code token} until {@code leaseUntil}. A due delivery that has
     * not been tried yet takes along the other untried deliveries of its group (at most {@code maxGroup} in all):
     * they are marked {@code grouped} into it and it becomes one message rendered by {@code merger}.
     */
    public List<ClaimedDelivery> claim(
            String token, Instant now, Instant leaseUntil, int limit, int maxGroup, Merger merger) {
        long nowMs = now.toEpochMilli();
        return Transactions.inTransaction(emf, em -> {
            List<Long> due = em.createQuery(
                            "SELECT d.id FROM DeliveryEntity d WHERE d.status = :pending AND d.nextAttemptAt <= :now"
                                    + " AND (d.claimedUntil IS NULL OR d.claimedUntil < :now)"
                                    + " ORDER BY d.nextAttemptAt, d.id",
                            Long.class)
                    .setParameter("pending", DeliveryEntity.PENDING)
                    .setParameter("now", nowMs)
                    .setMaxResults(limit)
                    .getResultList();
            if (due.isEmpty()) {
                return List.of();
            }
            em.createQuery("UPDATE DeliveryEntity d SET d.claimedBy = :token, d.claimedUntil = :lease,"
                            + " d.version = d.version + 1 WHERE d.id IN :ids AND d.status = :pending"
                            + " AND (d.claimedUntil IS NULL OR d.claimedUntil < :now)")
                    .setParameter("token", token)
                    .setParameter("lease", leaseUntil.toEpochMilli())
                    .setParameter("ids", due)
                    .setParameter("pending", DeliveryEntity.PENDING)
                    .setParameter("now", nowMs)
                    .executeUpdate();
            List<DeliveryEntity> claimed = em.createQuery(
                            "SELECT d FROM DeliveryEntity d WHERE d.claimedBy = :token AND d.status = :pending"
                                    + " ORDER BY d.nextAttemptAt, d.id",
                            DeliveryEntity.class)
                    .setParameter("token", token)
                    .setParameter("pending", DeliveryEntity.PENDING)
                    .getResultList();
            Set<Long> leaders = new HashSet<>();
            Set<Long> absorbed = new HashSet<>();
            List<ClaimedDelivery> result = new ArrayList<>();
            for (DeliveryEntity d : claimed) {
                if (absorbed.contains(d.id)) {
                    continue;
                }
                leaders.add(d.id);
                if (d.groupKey != null && d.attempts == 0 && maxGroup > 1) {
                    absorbed.addAll(group(em, d, leaders, token, nowMs, maxGroup, merger));
                }
                result.add(claimedOf(d, token));
            }
            return result;
        });
    }

    /** Folds the untried deliveries waiting in {@code leader}'s group into it; returns the ids folded. */
    private static List<Long> group(
            EntityManager em,
            DeliveryEntity leader,
            Set<Long> leaders,
            String token,
            long nowMs,
            int maxGroup,
            Merger merger) {
        List<DeliveryEntity> followers = em
                .createQuery(
                        "SELECT d FROM DeliveryEntity d WHERE d.groupKey = :group AND d.status = :pending"
                                + " AND d.attempts = 0 AND d.id <> :leader"
                                + " AND (d.claimedUntil IS NULL OR d.claimedUntil < :now OR d.claimedBy = :token)"
                                + " ORDER BY d.id",
                        DeliveryEntity.class)
                .setParameter("group", leader.groupKey)
                .setParameter("pending", DeliveryEntity.PENDING)
                .setParameter("leader", leader.id)
                .setParameter("now", nowMs)
                .setParameter("token", token)
                .setMaxResults(maxGroup - 1)
                .getResultList()
                .stream()
                .filter(f -> !leaders.contains(f.id)) // already going out as messages of their own
                .toList();
        if (followers.isEmpty()) {
            return List.of();
        }
        List<StoredMessage> parts = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        parts.add(Json.read(leader.message, StoredMessage.class));
        subjects.add(leader.subject);
        List<Long> ids = new ArrayList<>();
        for (DeliveryEntity f : followers) {
            parts.add(Json.read(f.message, StoredMessage.class));
            subjects.add(f.subject);
            f.status = DeliveryEntity.GROUPED;
            f.groupedInto = leader.id;
            f.claimedBy = null;
            f.claimedUntil = null;
            ids.add(f.id);
        }
        Merged merged = merger.merge(parts, subjects);
        leader.kind = "grouped";
        leader.subject = StoreSupport.cut(merged.subject(), 300);
        leader.message = Json.write(merged.message());
        // the group's most severe alert decides how loud the message is
        leader.severity = parts.stream()
                .flatMap(p -> p.alerts().stream())
                .filter(a -> !a.recovery())
                .map(a -> a.severity())
                .reduce(leader.severity, Outbox::worse);
        return ids;
    }

    private static String worse(String a, String b) {
        List<String> order = Arrays.asList("info", "warning", "critical");
        return order.indexOf(b) > order.indexOf(a) ? b : a;
    }

    private static ClaimedDelivery claimedOf(DeliveryEntity d, String token) {
        return new ClaimedDelivery(
                d.id,
                d.channelId,
                d.kind,
                d.alertKey,
                recipients(d.recipients),
                d.subject,
                Json.read(d.message, StoredMessage.class),
                d.attempts,
                Instant.ofEpochMilli(d.createdAt),
                Instant.ofEpochMilli(d.deadlineAt),
                token);
    }

    /** Leases one delivery that was just written (a channel test sends at once, in the caller's thread). */
    public Optional<ClaimedDelivery> claimOne(long id, String token, Instant now, Instant leaseUntil) {
        return Transactions.inTransaction(emf, em -> {
            int updated = em.createQuery("UPDATE DeliveryEntity d SET d.claimedBy = :token, d.claimedUntil = :lease,"
                            + " d.version = d.version + 1 WHERE d.id = :id AND d.status = :pending"
                            + " AND (d.claimedUntil IS NULL OR d.claimedUntil < :now)")
                    .setParameter("token", token)
                    .setParameter("lease", leaseUntil.toEpochMilli())
                    .setParameter("id", id)
                    .setParameter("pending", DeliveryEntity.PENDING)
                    .setParameter("now", now.toEpochMilli())
                    .executeUpdate();
            if (updated != 1) {
                return Optional.empty();
            }
            return Optional.of(claimedOf(em.find(DeliveryEntity.class, id), token));
        });
    }

    /**
     * Records an attempt and moves the delivery on: delivered, due again at {@code nextAttempt}, or failed (a
     * {@link Outcome#RETRY} without a next attempt has run out of time). When the lease was lost meanwhile (this
     * node was too slow and another took over) only the attempt is recorded.
     *
     * @return whether the delivery's state was changed
     */
    public boolean record(
            ClaimedDelivery delivery,
            Instant at,
            long durationMillis,
            Outcome outcome,
            String detail,
            Instant nextAttempt) {
        return Transactions.inTransaction(emf, em -> {
            AttemptEntity attempt = new AttemptEntity();
            attempt.deliveryId = delivery.id();
            attempt.attemptedAt = at.toEpochMilli();
            attempt.outcome = outcome.wireName();
            attempt.detail = StoreSupport.cut(detail, 500);
            attempt.durationMs = durationMillis;
            em.persist(attempt);
            DeliveryEntity d = em.find(DeliveryEntity.class, delivery.id());
            if (d == null || !delivery.token().equals(d.claimedBy) || !DeliveryEntity.PENDING.equals(d.status)) {
                return false;
            }
            d.attempts++;
            d.claimedBy = null;
            d.claimedUntil = null;
            switch (outcome) {
                case DELIVERED -> {
                    d.status = DeliveryEntity.DELIVERED;
                    d.deliveredAt = at.toEpochMilli();
                    d.lastError = null;
                }
                case RETRY -> {
                    if (nextAttempt == null) {
                        d.status = DeliveryEntity.FAILED;
                        d.lastError = StoreSupport.cut("gave up after " + d.attempts + " attempts: " + detail, 500);
                    } else {
                        d.nextAttemptAt = nextAttempt.toEpochMilli();
                        d.lastError = StoreSupport.cut(detail, 500);
                    }
                }
                case FAILED -> {
                    d.status = DeliveryEntity.FAILED;
                    d.lastError = StoreSupport.cut(detail, 500);
                }
            }
            return true;
        });
    }

    /**
     * Gives back the leases a node held before it restarted ({@code tokenPrefix} names the node), so its unsent
     * deliveries are due at once instead of when the leases would have run out.
     */
    public int releaseClaims(String tokenPrefix) {
        return Transactions.inTransaction(emf, em -> em.createQuery(
                        "UPDATE DeliveryEntity d SET d.claimedBy = NULL, d.claimedUntil = NULL,"
                                + " d.version = d.version + 1 WHERE d.status = :pending AND d.claimedBy LIKE :prefix ESCAPE '\\'")
                .setParameter("pending", DeliveryEntity.PENDING)
                .setParameter(
                        "prefix",
                        tokenPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .executeUpdate());
    }

    /**
     * Gives back one lease held by {@code token} (its outcome could not be recorded), so that the delivery is due
     * again at once rather than when the lease runs out.
     */
    public boolean releaseClaim(long id, String token) {
        return Transactions.inTransaction(emf, em -> em.createQuery(
                                "UPDATE DeliveryEntity d SET d.claimedBy = NULL, d.claimedUntil = NULL,"
                                        + " d.version = d.version + 1"
                                        + " WHERE d.id = :id AND d.claimedBy = :token AND d.status = :pending")
                        .setParameter("id", id)
                        .setParameter("token", token)
                        .setParameter("pending", DeliveryEntity.PENDING)
                        .executeUpdate())
                == 1;
    }

    /** When the next pending delivery is due, if any (to sleep until then). */
    public Optional<Instant> nextDue() {
        return Transactions.read(emf, em -> em.createQuery(
                                "SELECT MIN(d.nextAttemptAt) FROM DeliveryEntity d WHERE d.status = :pending",
                                Long.class)
                        .setParameter("pending", DeliveryEntity.PENDING)
                        .getResultStream()
                        .filter(v -> v != null)
                        .findFirst())
                .map(Instant::ofEpochMilli);
    }

    /** How many recipients the channel's deliveries reached since {@code since} (for daily caps). */
    public long recipientsDeliveredSince(long channelId, Instant since) {
        return Transactions.read(emf, em -> em.createQuery(
                                "SELECT d.recipients FROM DeliveryEntity d WHERE d.channelId = :channel"
                                        + " AND d.status = :delivered AND d.deliveredAt >= :since",
                                String.class)
                        .setParameter("channel", channelId)
                        .setParameter("delivered", DeliveryEntity.DELIVERED)
                        .setParameter("since", since.toEpochMilli())
                        .getResultList())
                .stream()
                .mapToLong(r -> recipients(r).size())
                .sum();
    }

    // ---------------------------------------------------------------- reminders

    /** Alerts still firing that rule {@code ruleId} last sent about before {@code cutoff}, oldest first. */
    public List<FiringRoute> firingRoutes(long ruleId, Instant cutoff, int limit) {
        return Transactions.read(emf, em -> em.createQuery(
                                "SELECT s.alertId, s.ruleId, s.lastNotifiedAt, a.event FROM RouteStateEntity s,"
                                        + " AlertEntity a WHERE a.id = s.alertId AND s.notifiedFiring = :yes"
                                        + " AND a.status = :firing AND s.lastNotifiedAt <= :cutoff"
                                        + " AND s.ruleId = :rule ORDER BY s.lastNotifiedAt",
                                Object[].class)
                        .setParameter("yes", Boolean.TRUE)
                        .setParameter("firing", FIRING)
                        .setParameter("rule", ruleId)
                        .setParameter("cutoff", cutoff.toEpochMilli())
                        .setMaxResults(limit)
                        .getResultList())
                .stream()
                .map(row -> new FiringRoute(
                        ((Number) row[0]).longValue(),
                        ((Number) row[1]).longValue(),
                        Instant.ofEpochMilli(((Number) row[2]).longValue()),
                        Json.read((String) row[3], AlertEvent.class)))
                .toList();
    }

    // ---------------------------------------------------------------- log

    /** The delivery log, newest first; {@code channelName} names channels for the listing. */
    public Page<DeliveryDto> list(DeliveryQuery query, LongFunction<String> channelName) {
        QueryFilter where = new QueryFilter()
                .equal("d.status", "status", query.status())
                .equal("d.channelId", "channel", query.channelId())
                .equal("d.alertKey", "alertKey", query.alertKey())
                .startsWith("d.topic", "topic", query.topicPrefix())
                .equal("d.siteId", "site", query.siteId())
                .atLeast(
                        "d.createdAt",
                        "since",
                        query.since() == null ? null : query.since().toEpochMilli());
        return Transactions.read(emf, em -> {
            long total = where.bind(
                            em.createQuery("SELECT COUNT(d) FROM DeliveryEntity d" + where.clause(), Long.class))
                    .getSingleResult();
            long after = query.page().after();
            where.lessThan("d.id", "before", after > 0 ? after : null);
            int limit = query.page().limit();
            List<DeliveryEntity> rows = where.bind(em.createQuery(
                            "SELECT d FROM DeliveryEntity d" + where.clause() + " ORDER BY d.id DESC",
                            DeliveryEntity.class))
                    .setMaxResults(limit + 1)
                    .getResultList();
            boolean more = rows.size() > limit;
            List<DeliveryDto> items = (more ? rows.subList(0, limit) : rows)
                    .stream()
                            .map(d -> dto(d, channelName.apply(d.channelId), List.of()))
                            .toList();
            return new Page<>(
                    items,
                    total,
                    more ? Cursors.encode(items.get(items.size() - 1).id()) : null);
        });
    }

    /** One delivery with its attempts. */
    public Optional<DeliveryDto> find(long id, LongFunction<String> channelName) {
        return Transactions.read(emf, em -> {
            DeliveryEntity d = em.find(DeliveryEntity.class, id);
            if (d == null) {
                return Optional.empty();
            }
            List<DeliveryDto.AttemptDto> attempts = em
                    .createQuery(
                            "SELECT a FROM AttemptEntity a WHERE a.deliveryId = :id ORDER BY a.attemptedAt, a.id",
                            AttemptEntity.class)
                    .setParameter("id", id)
                    .setMaxResults(1000)
                    .getResultList()
                    .stream()
                    .map(a -> new DeliveryDto.AttemptDto(
                            Instant.ofEpochMilli(a.attemptedAt), a.outcome, a.detail, a.durationMs))
                    .toList();
            return Optional.of(dto(d, channelName.apply(d.channelId), attempts));
        });
    }

    /** The stored message of a delivery (to show its body). */
    public Optional<StoredMessage> message(long id) {
        return Transactions.read(emf, em -> Optional.ofNullable(em.find(DeliveryEntity.class, id))
                .map(d -> Json.read(d.message, StoredMessage.class)));
    }

    /** Whether a direct message with this dedupe key was queued already; its delivery id if so. */
    public Optional<Long> findDirect(String alertKey) {
        return Transactions.read(emf, em -> em.createQuery(
                        "SELECT d.id FROM DeliveryEntity d WHERE d.alertKey = :key AND d.kind = 'direct'"
                                + " ORDER BY d.id",
                        Long.class)
                .setParameter("key", alertKey)
                .setMaxResults(1)
                .getResultStream()
                .findFirst());
    }

    private static DeliveryDto dto(DeliveryEntity d, String channelName, List<DeliveryDto.AttemptDto> attempts) {
        return new DeliveryDto(
                d.id,
                d.alertKey,
                d.topic,
                d.severity,
                d.kind,
                d.ruleId,
                d.channelId,
                channelName,
                recipients(d.recipients),
                d.subject,
                d.status,
                d.attempts,
                Instant.ofEpochMilli(d.createdAt),
                DeliveryEntity.PENDING.equals(d.status) ? Instant.ofEpochMilli(d.nextAttemptAt) : null,
                d.deliveredAt == null ? null : Instant.ofEpochMilli(d.deliveredAt),
                d.lastError,
                d.suppressedBy,
                d.groupedInto,
                attempts);
    }

    private static List<String> recipients(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }

    public Stats stats(Instant now, Instant since) {
        long nowMs = now.toEpochMilli();
        return Transactions.read(emf, em -> {
            Object[] pending = em.createQuery(
                            "SELECT COUNT(d), MIN(d.nextAttemptAt) FROM DeliveryEntity d WHERE d.status = :pending",
                            Object[].class)
                    .setParameter("pending", DeliveryEntity.PENDING)
                    .getSingleResult();
            Object[] due = em.createQuery(
                            "SELECT COUNT(d), MIN(d.nextAttemptAt) FROM DeliveryEntity d WHERE d.status = :pending"
                                    + " AND d.nextAttemptAt <= :now",
                            Object[].class)
                    .setParameter("pending", DeliveryEntity.PENDING)
                    .setParameter("now", nowMs)
                    .getSingleResult();
            Map<String, Long> recent = new HashMap<>();
            em.createQuery(
                            "SELECT d.status, COUNT(d) FROM DeliveryEntity d WHERE d.createdAt >= :since"
                                    + " GROUP BY d.status",
                            Object[].class)
                    .setParameter("since", since.toEpochMilli())
                    .getResultList()
                    .forEach(row -> recent.put((String) row[0], ((Number) row[1]).longValue()));
            return new Stats(
                    ((Number) pending[0]).longValue(),
                    ((Number) due[0]).longValue(),
                    due[1] == null ? null : Instant.ofEpochMilli(((Number) due[1]).longValue()),
                    recent.getOrDefault(DeliveryEntity.FAILED, 0L),
                    recent.getOrDefault(DeliveryEntity.DELIVERED, 0L));
        });
    }

    // ---------------------------------------------------------------- retention

    /**
     * Deletes finished deliveries created before {@code cutoff} with their attempts, and alerts resolved (or last
     * seen firing) before it with what rules remembered about them. Pending deliveries are never deleted.
     */
    public int purge(Instant cutoff) {
        long at = cutoff.toEpochMilli();
        int deliveries = StoreSupport.purgeInChunks(
                emf,
                em -> em.createQuery(
                                "SELECT d.id FROM DeliveryEntity d WHERE d.createdAt < :cutoff AND d.status <> :pending"
                                        + " ORDER BY d.id",
                                Long.class)
                        .setParameter("cutoff", at)
                        .setParameter("pending", DeliveryEntity.PENDING)
                        .setMaxResults(StoreSupport.PURGE_CHUNK)
                        .getResultList(),
                (em, ids) -> {
                    em.createQuery("DELETE FROM AttemptEntity a WHERE a.deliveryId IN :ids")
                            .setParameter("ids", ids)
                            .executeUpdate();
                    return em.createQuery("DELETE FROM DeliveryEntity d WHERE d.id IN :ids")
                            .setParameter("ids", ids)
                            .executeUpdate();
                });
        StoreSupport.purgeInChunks(
                emf,
                em -> em.createQuery(
                                "SELECT a.id FROM AlertEntity a WHERE a.lastAt < :cutoff ORDER BY a.id", Long.class)
                        .setParameter("cutoff", at)
                        .setMaxResults(StoreSupport.PURGE_CHUNK)
                        .getResultList(),
                (em, ids) -> {
                    em.createQuery("DELETE FROM RouteStateEntity s WHERE s.alertId IN :ids")
                            .setParameter("ids", ids)
                            .executeUpdate();
                    return em.createQuery("DELETE FROM AlertEntity a WHERE a.id IN :ids")
                            .setParameter("ids", ids)
                            .executeUpdate();
                });
        return deliveries;
    }
}
