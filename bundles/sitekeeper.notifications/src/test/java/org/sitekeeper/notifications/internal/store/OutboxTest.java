package org.sitekeeper.notifications.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.notifications.api.AlertSummary;
import org.sitekeeper.notifications.api.DeliveryDto;
import org.sitekeeper.notifications.api.DeliveryQuery;
import org.sitekeeper.notifications.internal.domain.AlertEvent;
import org.sitekeeper.notifications.internal.domain.RouteState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class OutboxTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final Instant LEASE = NOW.plusSeconds(80);
    private static final long SLACK = 7;
    private static final long SMS = 8;

    @RegisterExtension
    static final NotificationsDatabase.PerClass DATABASE = new NotificationsDatabase.PerClass();

    private static NotificationsDatabase db;
    private static Outbox outbox;

    /** Joins the subjects and concatenates the parts, so tests can see what was merged. */
    private static final Outbox.Merger MERGER = (parts, subjects) -> {
        List<AlertSummary> alerts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (StoredMessage part : parts) {
            alerts.addAll(part.alerts());
            text.append(part.text()).append('\n');
        }
        return new Outbox.Merged(
                subjects.size() + " alerts: " + String.join(" | ", subjects),
                new StoredMessage(text.toString(), null, alerts, List.of()));
    };

    private final AtomicInteger keys = new AtomicInteger();

    @BeforeAll
    static void openDatabase() throws Exception {
        db = DATABASE.get();
        outbox = new Outbox(db.emf());
    }

    // ------------------------------------------------------------------ fixtures

    private static AlertEvent event(String key, String topic, Severity severity, Instant at) {
        return new AlertEvent(
                topic,
                key,
                42L,
                severity,
                "Title of " + key,
                "message about " + key,
                "/sites/42",
                at,
                topic.endsWith("/UP"),
                Map.of("site.id", "42", "custom", "value"));
    }

    private static AlertEvent down(String key, Instant at) {
        return event(key, "sitekeeper/uptime/DOWN", Severity.CRITICAL, at);
    }

    private static AlertEvent up(String key, Instant at) {
        return event(key, "sitekeeper/uptime/UP", Severity.INFO, at);
    }

    private static StoredMessage message(String text, String severity, boolean recovery) {
        AlertSummary summary = new AlertSummary(
                "key:" + text, "sitekeeper/uptime/DOWN", severity, recovery, text, text, null, 42L, "Shop", NOW);
        return new StoredMessage(text, "<p>" + text + "</p>", List.of(summary), List.of(Map.of("title", text)));
    }

    /** A delivery to write, with defaults for everything a test does not care about. */
    private final class Draft {
        Long alertId;
        String alertKey = "key-" + keys.incrementAndGet();
        String topic = "sitekeeper/uptime/DOWN";
        String severity = "warning";
        Long siteId = 42L;
        String kind = "alert";
        Long ruleId = 1L;
        long channelId = SLACK;
        List<String> recipients = List.of();
        String subject = "subject of " + alertKey;
        StoredMessage message = message(alertKey, "warning", false);
        String status = DeliveryEntity.PENDING;
        String note;
        String groupKey;
        Instant createdAt = NOW.minusSeconds(60);
        Instant nextAttemptAt = NOW.minusSeconds(1);
        Instant deadline = NOW.plus(Duration.ofHours(24));

        Draft due(Instant at) {
            nextAttemptAt = at;
            return this;
        }

        Draft group(String key) {
            groupKey = key;
            return this;
        }

        Draft status(String value) {
            status = value;
            return this;
        }

        Draft channel(long id) {
            channelId = id;
            return this;
        }

        Draft created(Instant at) {
            createdAt = at;
            return this;
        }

        long insert() {
            NewDelivery d = new NewDelivery(
                    alertId,
                    alertKey,
                    topic,
                    severity,
                    siteId,
                    kind,
                    ruleId,
                    channelId,
                    recipients,
                    subject,
                    message,
                    status,
                    null,
                    note,
                    groupKey,
                    createdAt,
                    nextAttemptAt,
                    deadline);
            return outbox.inTransaction(tx -> tx.insert(d));
        }
    }

    private Draft draft() {
        return new Draft();
    }

    private Map<String, Object> row(long deliveryId) {
        List<Map<String, Object>> rows = db.query("SELECT * FROM notifications_delivery WHERE id = ?", deliveryId);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private Map<String, Object> alertRow(String key) {
        List<Map<String, Object>> rows = db.query("SELECT * FROM notifications_alert WHERE alert_key = ?", key);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static Optional<Long> resolve(AlertEvent recovery, Instant now) {
        return outbox.inTransaction(tx -> tx.resolve(recovery, now));
    }

    private static Map<Long, RouteState> routeStates(long alertId) {
        return outbox.inTransaction(tx -> tx.routeStates(alertId));
    }

    private static boolean advance(long alertId, long ruleId, Instant expected, Instant now) {
        return outbox.inTransaction(tx -> tx.advanceRouteState(alertId, ruleId, expected, now));
    }

    private static List<Long> ids(List<ClaimedDelivery> claimed) {
        return claimed.stream().map(ClaimedDelivery::id).toList();
    }

    private static String nameOf(long channelId) {
        return channelId == SLACK ? "ops-slack" : channelId == SMS ? "on-call-sms" : "channel " + channelId;
    }

    // ------------------------------------------------------------------ intake

    @Nested
    class Intake {

        @Test
        void aFirstEventCreatesTheAlertAndRepeatsCountOccurrences() {
            long id = outbox.inTransaction(tx -> tx.fire(down("shop:42", NOW.minusSeconds(120)), NOW));
            long again = outbox.inTransaction(tx -> tx.fire(down("shop:42", NOW), NOW));
            // an event that arrives late does not move last_at back
            long late = outbox.inTransaction(tx -> tx.fire(down("shop:42", NOW.minusSeconds(300)), NOW));

            assertThat(again).isEqualTo(id);
            assertThat(late).isEqualTo(id);
            Map<String, Object> alert = alertRow("shop:42");
            assertThat(alert)
                    .containsEntry("status", Outbox.FIRING)
                    .containsEntry("occurrences", 3)
                    .containsEntry("first_at", NOW.minusSeconds(120).toEpochMilli())
                    .containsEntry("last_at", NOW.toEpochMilli())
                    .containsEntry("severity", "critical")
                    .containsEntry("site_id", 42L)
                    .containsEntry("title", "Title of shop:42");
            assertThat(alert.get("resolved_at")).isNull();
            AlertEvent stored = Json.read((String) alert.get("event"), AlertEvent.class);
            assertThat(stored.properties()).containsEntry("custom", "value");
            assertThat(stored.occurredAt()).isEqualTo(NOW.minusSeconds(300));
        }

        @Test
        void aRecoveryResolvesTheAlertOnceAndFiringAgainStartsANewEpisode() {
            long id = outbox.inTransaction(tx -> tx.fire(down("shop:42", NOW.minusSeconds(600)), NOW));
            outbox.inTransaction(tx -> tx.fire(down("shop:42", NOW.minusSeconds(500)), NOW));

            Optional<Long> resolved = resolve(up("shop:42", NOW.minusSeconds(400)), NOW);
            assertThat(resolved).contains(id);
            assertThat(alertRow("shop:42"))
                    .containsEntry("status", Outbox.RESOLVED)
                    .containsEntry("resolved_at", NOW.minusSeconds(400).toEpochMilli())
                    .containsEntry("last_at", NOW.minusSeconds(400).toEpochMilli());

            // a second recovery keeps the first resolution time
            assertThat(resolve(up("shop:42", NOW.minusSeconds(300)), NOW)).contains(id);
            assertThat(alertRow("shop:42"))
                    .containsEntry("resolved_at", NOW.minusSeconds(400).toEpochMilli());

            long reopened = outbox.inTransaction(tx -> tx.fire(down("shop:42", NOW.minusSeconds(200)), NOW));
            assertThat(reopened).isEqualTo(id);
            Map<String, Object> alert = alertRow("shop:42");
            assertThat(alert)
                    .containsEntry("status", Outbox.FIRING)
                    .containsEntry("occurrences", 1)
                    .containsEntry("first_at", NOW.minusSeconds(200).toEpochMilli());
            assertThat(alert.get("resolved_at")).isNull();
        }

        @Test
        void aRecoveryForAnUnknownKeyResolvesNothing() {
            assertThat(resolve(up("never-fired", NOW), NOW)).isEmpty();
            assertThat(db.count("SELECT COUNT(*) FROM notifications_alert")).isZero();
        }

        @Test
        void everythingWrittenInAFailedTransactionIsRolledBack() {
            assertThatThrownBy(() -> outbox.inTransaction(tx -> {
                        long alert = tx.fire(down("shop:42", NOW), NOW);
                        tx.saveRouteState(alert, 1, new RouteState(true, NOW));
                        Draft d = draft();
                        tx.insert(new NewDelivery(
                                alert,
                                "shop:42",
                                d.topic,
                                d.severity,
                                42L,
                                "alert",
                                1L,
                                SLACK,
                                List.of(),
                                "s",
                                d.message,
                                DeliveryEntity.PENDING,
                                null,
                                null,
                                null,
                                NOW,
                                NOW,
                                NOW.plusSeconds(60)));
                        throw new IllegalStateException("the channel lookup failed");
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the channel lookup failed");

            assertThat(db.count("SELECT COUNT(*) FROM notifications_alert")).isZero();
            assertThat(db.count("SELECT COUNT(*) FROM notifications_route_state"))
                    .isZero();
            assertThat(db.count("SELECT COUNT(*) FROM notifications_delivery")).isZero();
        }

        @Test
        void routeStatesAreSavedPerRuleAndUpdatedInPlace() {
            long alert = outbox.inTransaction(tx -> tx.fire(down("shop:42", NOW), NOW));
            long other = outbox.inTransaction(tx -> tx.fire(down("shop:43", NOW), NOW));

            outbox.inTransaction(tx -> {
                tx.saveRouteState(alert, 1, new RouteState(true, NOW.minusSeconds(60)));
                tx.saveRouteState(alert, 2, new RouteState(false, null));
                tx.saveRouteState(other, 1, new RouteState(true, NOW));
                return null;
            });
            outbox.inTransaction(tx -> {
                tx.saveRouteState(alert, 1, new RouteState(false, NOW));
                return null;
            });

            assertThat(routeStates(alert))
                    .containsOnly(
                            Map.entry(1L, new RouteState(false, NOW)), Map.entry(2L, new RouteState(false, null)));
            assertThat(routeStates(other)).containsOnly(Map.entry(1L, new RouteState(true, NOW)));
            assertThat(routeStates(alert + other + 100)).isEmpty();
            assertThat(db.count("SELECT COUNT(*) FROM notifications_route_state WHERE alert_id = ?", alert))
                    .isEqualTo(2);
        }

        @Test
        void advanceRouteStateMovesOnlyAFiringStateThatIsStillWhatTheCallerSaw() {
            long alert = outbox.inTransaction(tx -> tx.fire(down("shop:42", NOW), NOW));
            Instant sent = NOW.minus(Duration.ofHours(4));
            outbox.inTransaction(tx -> {
                tx.saveRouteState(alert, 1, new RouteState(true, sent));
                tx.saveRouteState(alert, 2, new RouteState(false, sent));
                return null;
            });
            long versionBefore = ((Number) db.value(
                            "SELECT version FROM notifications_route_state WHERE alert_id = ? AND rule_id = 1", alert))
                    .longValue();

            // the state another node already moved on: nothing changes
            assertThat(advance(alert, 1, sent.minusSeconds(1), NOW)).isFalse();
            // not notified firing (the boolean column, bound as a parameter on Derby): nothing changes
            assertThat(advance(alert, 2, sent, NOW)).isFalse();
            // the expected state: moved on, once
            assertThat(advance(alert, 1, sent, NOW)).isTrue();
            assertThat(advance(alert, 1, sent, NOW.plusSeconds(1))).isFalse();

            assertThat(routeStates(alert))
                    .containsOnly(Map.entry(1L, new RouteState(true, NOW)), Map.entry(2L, new RouteState(false, sent)));
            assertThat(((Number) db.value(
                                    "SELECT version FROM notifications_route_state WHERE alert_id = ? AND rule_id = 1",
                                    alert))
                            .longValue())
                    .isEqualTo(versionBefore + 1);
        }

        @Test
        void anEventWithHugePropertiesIsStoredWithoutThemButStillReadable() {
            Map<String, String> properties = new HashMap<>();
            properties.put("site.id", "42");
            properties.put("dump", "x".repeat(20_000));
            properties.put("region", "eu");
            AlertEvent huge = new AlertEvent(
                    "sitekeeper/uptime/DOWN",
                    "shop:42",
                    42L,
                    Severity.CRITICAL,
                    "Shop is down",
                    "m".repeat(1500),
                    null,
                    NOW,
                    false,
                    properties);

            outbox.inTransaction(tx -> tx.fire(huge, NOW));

            String json = (String) alertRow("shop:42").get("event");
            assertThat(json.length()).isLessThanOrEqualTo(8000);
            AlertEvent stored = Json.read(json, AlertEvent.class);
            assertThat(stored.properties()).containsEntry("region", "eu").doesNotContainKey("dump");
            assertThat(stored.message()).hasSize(1000).endsWith("…");
            assertThat(stored.title()).isEqualTo("Shop is down");
        }

        @Test
        void aDeliveryIsStoredWithItsMessageInTheLongTextColumn() {
            Draft d = draft();
            d.recipients = List.of("+4915100000001", "+4915100000002");
            d.subject = "s".repeat(400);
            d.message = message("b".repeat(50_000), "critical", false);
            d.status = DeliveryEntity.SUPPRESSED;
            d.note = "suppressed by silence #3";
            d.groupKey = "rule:1:channel:7";
            long id = d.insert();

            Map<String, Object> row = row(id);
            assertThat(row)
                    .containsEntry("recipients", "+4915100000001\n+4915100000002")
                    .containsEntry("status", "suppressed")
                    .containsEntry("last_error", "suppressed by silence #3")
                    .containsEntry("group_key", "rule:1:channel:7")
                    .containsEntry("attempts", 0)
                    .containsEntry("created_at", d.createdAt.toEpochMilli())
                    .containsEntry("next_attempt_at", d.nextAttemptAt.toEpochMilli())
                    .containsEntry("deadline_at", d.deadline.toEpochMilli());
            assertThat((String) row.get("subject")).hasSize(300).endsWith("…");
            assertThat(outbox.message(id)).contains(d.message);
            assertThat(outbox.message(id + 1000)).isEmpty();
        }
    }

    // ------------------------------------------------------------------ claiming

    @Nested
    class Claiming {

        @Test
        void claimLeasesOnlyDueUnleasedPendingDeliveriesOldestFirst() {
            long later = draft().due(NOW.minusSeconds(5)).insert();
            long earlier = draft().due(NOW.minusSeconds(50)).insert();
            long exactlyNow = draft().due(NOW).insert();
            long future = draft().due(NOW.plusSeconds(1)).insert();
            long delivered = draft().status(DeliveryEntity.DELIVERED).insert();
            long suppressed = draft().status(DeliveryEntity.SUPPRESSED).insert();
            long leasedElsewhere = draft().insert();
            long leaseRanOut = draft().insert();
            db.update(
                    "UPDATE notifications_delivery SET claimed_by = 'b/1', claimed_until = ? WHERE id = ?",
                    NOW.plusSeconds(30).toEpochMilli(),
                    leasedElsewhere);
            db.update(
                    "UPDATE notifications_delivery SET claimed_by = 'b/2', claimed_until = ? WHERE id = ?",
                    NOW.minusSeconds(1).toEpochMilli(),
                    leaseRanOut);

            List<ClaimedDelivery> claimed = outbox.claim("a/1", NOW, LEASE, 10, 50, MERGER);

            // ordered by when they were due, then by id; leaseRanOut and later were both due at NOW - 1 s / - 5 s
            assertThat(ids(claimed)).containsExactly(earlier, later, leaseRanOut, exactlyNow);
            assertThat(claimed).allSatisfy(c -> assertThat(c.token()).isEqualTo("a/1"));
            for (long id : List.of(earlier, later, leaseRanOut, exactlyNow)) {
                assertThat(row(id))
                        .containsEntry("claimed_by", "a/1")
                        .containsEntry("claimed_until", LEASE.toEpochMilli());
            }
            assertThat(row(leasedElsewhere)).containsEntry("claimed_by", "b/1");
            for (long id : List.of(future, delivered, suppressed)) {
                assertThat(row(id).get("claimed_by")).isNull();
            }
        }

        @Test
        void aClaimedDeliveryCarriesWhatTheSenderNeeds() {
            Draft d = draft();
            d.channelId = SMS;
            d.recipients = List.of("+4915100000001");
            d.kind = "repeat";
            long id = d.insert();

            ClaimedDelivery c = outbox.claim("a/1", NOW, LEASE, 10, 50, MERGER).get(0);

            assertThat(c.id()).isEqualTo(id);
            assertThat(c.channelId()).isEqualTo(SMS);
            assertThat(c.kind()).isEqualTo("repeat");
            assertThat(c.alertKey()).isEqualTo(d.alertKey);
            assertThat(c.recipients()).containsExactly("+4915100000001");
            assertThat(c.subject()).isEqualTo(d.subject);
            assertThat(c.message()).isEqualTo(d.message);
            assertThat(c.attempts()).isZero();
            assertThat(c.createdAt()).isEqualTo(d.createdAt);
            assertThat(c.deadline()).isEqualTo(d.deadline);
        }

        @Test
        void theLimitCapsOneClaimAndTheRestIsLeftForTheNext() {
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                all.add(draft().due(NOW.minusSeconds(100 - i)).insert());
            }

            List<ClaimedDelivery> first = outbox.claim("a/1", NOW, LEASE, 2, 50, MERGER);
            List<ClaimedDelivery> second = outbox.claim("a/2", NOW, LEASE, 10, 50, MERGER);

            assertThat(ids(first)).containsExactly(all.get(0), all.get(1));
            assertThat(ids(second)).containsExactly(all.get(2), all.get(3), all.get(4));
            assertThat(outbox.claim("a/3", NOW, LEASE, 10, 50, MERGER)).isEmpty();
        }

        @Test
        void aLeasedDeliveryIsNotClaimedAgainUntilTheLeaseRunsOut() {
            long id = draft().insert();

            assertThat(ids(outbox.claim("a/1", NOW, LEASE, 10, 50, MERGER))).containsExactly(id);
            assertThat(outbox.claim("b/1", NOW.plusSeconds(10), LEASE.plusSeconds(10), 10, 50, MERGER))
                    .isEmpty();
            // exactly at the end of the lease it is still held
            assertThat(outbox.claim("b/1", LEASE, LEASE.plusSeconds(80), 10, 50, MERGER))
                    .isEmpty();

            // the node died mid-send: once the lease ran out another node sends it again
            List<ClaimedDelivery> retaken =
                    outbox.claim("b/2", LEASE.plusMillis(1), LEASE.plusSeconds(80), 10, 50, MERGER);
            assertThat(ids(retaken)).containsExactly(id);
            assertThat(row(id)).containsEntry("claimed_by", "b/2");
        }

        @Test
        void claimOneLeasesOnePendingDeliveryForOneCaller() {
            long id = draft().due(NOW.plusSeconds(300)).insert();
            long done = draft().status(DeliveryEntity.DELIVERED).insert();

            Optional<ClaimedDelivery> first = outbox.claimOne(id, "a/1", NOW, LEASE);
            assertThat(first).hasValueSatisfying(c -> {
                assertThat(c.id()).isEqualTo(id);
                assertThat(c.token()).isEqualTo("a/1");
            });
            assertThat(outbox.claimOne(id, "b/1", NOW, LEASE)).isEmpty();
            assertThat(outbox.claimOne(done, "a/2", NOW, LEASE)).isEmpty();
            assertThat(outbox.claimOne(id + done + 100, "a/3", NOW, LEASE)).isEmpty();
            // the loop does not take what a caller holds, even though it is now due
            assertThat(outbox.claim("c/1", NOW.plusSeconds(60), LEASE, 10, 50, MERGER))
                    .isEmpty();
        }
    }

    // ------------------------------------------------------------------ grouping

    @Nested
    class Grouping {

        @Test
        void aDueDeliveryTakesAlongTheUntriedOnesOfItsGroupAsOneMessage() {
            Draft leaderDraft = draft().group("g1").due(NOW.minusSeconds(1));
            leaderDraft.severity = "warning";
            leaderDraft.message = message("disk full", "warning", false);
            long leader = leaderDraft.insert();
            Draft criticalDraft = draft().group("g1").due(NOW.plusSeconds(20));
            criticalDraft.message = message("site down", "critical", false);
            long follower1 = criticalDraft.insert();
            Draft recoveryDraft = draft().group("g1").due(NOW.plusSeconds(25));
            recoveryDraft.message = message("ssl fixed", "info", true);
            long follower2 = recoveryDraft.insert();
            long otherGroup = draft().group("g2").due(NOW.plusSeconds(20)).insert();

            List<ClaimedDelivery> claimed = outbox.claim("a/1", NOW, LEASE, 10, 50, MERGER);

            assertThat(claimed).hasSize(1);
            ClaimedDelivery merged = claimed.get(0);
            assertThat(merged.id()).isEqualTo(leader);
            assertThat(merged.kind()).isEqualTo("grouped");
            assertThat(merged.subject())
                    .isEqualTo("3 alerts: " + leaderDraft.subject + " | " + criticalDraft.subject + " | "
                            + recoveryDraft.subject);
            assertThat(merged.message().alerts())
                    .extracting(AlertSummary::title)
                    .containsExactly("disk full", "site down", "ssl fixed");
            assertThat(row(leader))
                    .containsEntry("kind", "grouped")
                    .containsEntry("status", "pending")
                    // the most severe alert that is not a recovery decides
                    .containsEntry("severity", "critical")
                    .containsEntry("subject", merged.subject());
            assertThat(Json.read((String) row(leader).get("message"), StoredMessage.class))
                    .isEqualTo(merged.message());
            for (long f : List.of(follower1, follower2)) {
                assertThat(row(f)).containsEntry("status", "grouped").containsEntry("grouped_into", leader);
                assertThat(row(f).get("claimed_by")).isNull();
            }
            assertThat(row(otherGroup)).containsEntry("status", "pending");
            assertThat(row(otherGroup).get("grouped_into")).isNull();

            // the grouped ones show in the log, pointing at the message that carried them
            assertThat(outbox.find(follower1, OutboxTest::nameOf))
                    .hasValueSatisfying(d -> assertThat(d.groupedInto()).isEqualTo(leader));
        }

        @Test
        void aGroupIsCappedAtMaxGroupAndTheRestFollowsInTheNextMessage() {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(draft().group("g").due(NOW.minusSeconds(10 - i)).insert());
            }

            List<ClaimedDelivery> claimed = outbox.claim("a/1", NOW, LEASE, 1, 3, MERGER);

            assertThat(ids(claimed)).containsExactly(ids.get(0));
            assertThat(claimed.get(0).subject()).startsWith("3 alerts: ");
            assertThat(row(ids.get(1))).containsEntry("status", "grouped");
            assertThat(row(ids.get(2))).containsEntry("status", "grouped");
            assertThat(row(ids.get(3))).containsEntry("status", "pending");

            List<ClaimedDelivery> next = outbox.claim("a/2", NOW, LEASE, 10, 3, MERGER);
            assertThat(ids(next)).containsExactly(ids.get(3));
            assertThat(next.get(0).subject()).startsWith("2 alerts: ");
            assertThat(row(ids.get(4))).containsEntry("status", "grouped").containsEntry("grouped_into", ids.get(3));
        }

        @Test
        void deliveriesThatWereTriedOrAreLeasedElsewhereStayOutOfAGroup() {
            long leader = draft().group("g").due(NOW.minusSeconds(30)).insert();
            long tried = draft().group("g").due(NOW.plusSeconds(600)).insert();
            long leasedElsewhere = draft().group("g").due(NOW.plusSeconds(5)).insert();
            long untried = draft().group("g").due(NOW.plusSeconds(5)).insert();
            db.update("UPDATE notifications_delivery SET attempts = 1 WHERE id = ?", tried);
            db.update(
                    "UPDATE notifications_delivery SET claimed_by = 'b/1', claimed_until = ? WHERE id = ?",
                    NOW.plusSeconds(60).toEpochMilli(),
                    leasedElsewhere);

            List<ClaimedDelivery> claimed = outbox.claim("a/1", NOW, LEASE, 10, 50, MERGER);

            assertThat(ids(claimed)).containsExactly(leader);
            assertThat(claimed.get(0).subject()).startsWith("2 alerts: ");
            assertThat(row(untried)).containsEntry("status", "grouped");
            assertThat(row(tried)).containsEntry("status", "pending");
            assertThat(row(leasedElsewhere)).containsEntry("status", "pending").containsEntry("claimed_by", "b/1");
        }

        @Test
        void aRetryIsSentAloneAndMaxGroupOneTurnsGroupingOff() {
            long retried = draft().group("g").due(NOW.minusSeconds(30)).insert();
            db.update("UPDATE notifications_delivery SET attempts = 2 WHERE id = ?", retried);
            long waiting = draft().group("g").due(NOW.plusSeconds(30)).insert();

            List<ClaimedDelivery> claimed = outbox.claim("a/1", NOW, LEASE, 10, 50, MERGER);
            assertThat(ids(claimed)).containsExactly(retried);
            assertThat(claimed.get(0).kind()).isEqualTo("alert");
            assertThat(row(waiting)).containsEntry("status", "pending");

            long single = draft().group("h").due(NOW.minusSeconds(1)).insert();
            long sibling = draft().group("h").due(NOW.minusSeconds(1)).insert();
            List<ClaimedDelivery> ungrouped = outbox.claim("a/2", NOW, LEASE, 10, 1, MERGER);
            assertThat(ids(ungrouped)).containsExactly(single, sibling);
            assertThat(ungrouped).extracting(ClaimedDelivery::kind).containsOnly("alert");
        }

        @Test
        void deliveriesOfAGroupClaimedTogetherAreMergedIntoTheFirst() {
            long a = draft().group("g").due(NOW.minusSeconds(3)).insert();
            long b = draft().group("g").due(NOW.minusSeconds(2)).insert();
            long c = draft().group("g").due(NOW.minusSeconds(1)).insert();

            List<ClaimedDelivery> claimed = outbox.claim("a/1", NOW, LEASE, 10, 50, MERGER);

            assertThat(ids(claimed)).containsExactly(a);
            assertThat(claimed.get(0).subject()).startsWith("3 alerts: ");
            assertThat(row(b)).containsEntry("status", "grouped").containsEntry("grouped_into", a);
            assertThat(row(c)).containsEntry("status", "grouped").containsEntry("grouped_into", a);
            assertThat(row(b).get("claimed_by")).isNull();
        }
    }

    // ------------------------------------------------------------------ recording

    @Nested
    class Recording {

        private ClaimedDelivery claimed(long id) {
            return outbox.claimOne(id, "a/1", NOW, LEASE).orElseThrow();
        }

        @Test
        void aDeliveredAttemptClosesTheDeliveryAndIsLogged() {
            long id = draft().insert();
            ClaimedDelivery c = claimed(id);

            assertThat(outbox.record(c, NOW.plusSeconds(2), 345, Outbox.Outcome.DELIVERED, "HTTP 200", null))
                    .isTrue();

            assertThat(row(id))
                    .containsEntry("status", "delivered")
                    .containsEntry("attempts", 1)
                    .containsEntry("delivered_at", NOW.plusSeconds(2).toEpochMilli());
            assertThat(row(id).get("claimed_by")).isNull();
            assertThat(row(id).get("claimed_until")).isNull();
            assertThat(row(id).get("last_error")).isNull();
            DeliveryDto dto = outbox.find(id, OutboxTest::nameOf).orElseThrow();
            assertThat(dto.status()).isEqualTo("delivered");
            assertThat(dto.nextAttemptAt()).isNull();
            assertThat(dto.deliveredAt()).isEqualTo(NOW.plusSeconds(2));
            assertThat(dto.channelName()).isEqualTo("ops-slack");
            assertThat(dto.attemptLog())
                    .containsExactly(new DeliveryDto.AttemptDto(NOW.plusSeconds(2), "delivered", "HTTP 200", 345));
            // delivered is final: it is never claimed again
            assertThat(outbox.claim("a/2", NOW.plus(Duration.ofDays(1)), LEASE, 10, 50, MERGER))
                    .isEmpty();
        }

        @Test
        void aRetryMakesTheDeliveryDueAgainAtTheNextAttempt() {
            long id = draft().insert();
            Instant next = NOW.plusSeconds(30);

            assertThat(outbox.record(claimed(id), NOW.plusSeconds(1), 20, Outbox.Outcome.RETRY, "HTTP 503", next))
                    .isTrue();

            assertThat(row(id))
                    .containsEntry("status", "pending")
                    .containsEntry("attempts", 1)
                    .containsEntry("next_attempt_at", next.toEpochMilli())
                    .containsEntry("last_error", "HTTP 503");
            assertThat(row(id).get("claimed_by")).isNull();
            assertThat(outbox.nextDue()).contains(next);
            assertThat(outbox.claim("a/2", next.minusMillis(1), LEASE, 10, 50, MERGER))
                    .isEmpty();
            List<ClaimedDelivery> again = outbox.claim("a/3", next, next.plusSeconds(80), 10, 50, MERGER);
            assertThat(ids(again)).containsExactly(id);
            assertThat(again.get(0).attempts()).isEqualTo(1);

            assertThat(outbox.record(again.get(0), next.plusSeconds(1), 20, Outbox.Outcome.DELIVERED, "ok", null))
                    .isTrue();
            assertThat(outbox.find(id, OutboxTest::nameOf).orElseThrow().attemptLog())
                    .extracting(DeliveryDto.AttemptDto::outcome, DeliveryDto.AttemptDto::detail)
                    .containsExactly(tuple("retry", "HTTP 503"), tuple("delivered", "ok"));
            assertThat(row(id)).containsEntry("attempts", 2).containsEntry("status", "delivered");
        }

        @Test
        void aRetryWithoutANextAttemptHasRunOutOfTimeAndFails() {
            long id = draft().insert();
            db.update("UPDATE notifications_delivery SET attempts = 4 WHERE id = ?", id);

            assertThat(outbox.record(claimed(id), NOW, 20, Outbox.Outcome.RETRY, "timed out", null))
                    .isTrue();

            assertThat(row(id))
                    .containsEntry("status", "failed")
                    .containsEntry("attempts", 5)
                    .containsEntry("last_error", "gave up after 5 attempts: timed out");
            assertThat(outbox.nextDue()).isEmpty();
        }

        @Test
        void aPermanentFailureClosesTheDelivery() {
            long id = draft().insert();
            String detail = "refused: " + "r".repeat(700);

            assertThat(outbox.record(claimed(id), NOW, 20, Outbox.Outcome.FAILED, detail, NOW.plusSeconds(60)))
                    .isTrue();

            assertThat(row(id)).containsEntry("status", "failed").containsEntry("attempts", 1);
            assertThat((String) row(id).get("last_error")).hasSize(500).startsWith("refused: ");
            assertThat((String) db.value("SELECT detail FROM notifications_attempt WHERE delivery_id = ?", id))
                    .hasSize(500);
            assertThat(outbox.claim("a/2", NOW.plusSeconds(120), LEASE, 10, 50, MERGER))
                    .isEmpty();
        }

        @Test
        void aNodeThatLostItsLeaseOnlyLogsTheAttempt() {
            long id = draft().insert();
            ClaimedDelivery slow = claimed(id);
            // the lease ran out and another node took the delivery over
            ClaimedDelivery takeover = outbox.claim("b/1", LEASE.plusSeconds(1), LEASE.plusSeconds(90), 10, 50, MERGER)
                    .get(0);

            assertThat(outbox.record(slow, LEASE.plusSeconds(2), 90_000, Outbox.Outcome.DELIVERED, "late", null))
                    .isFalse();
            assertThat(row(id))
                    .containsEntry("status", "pending")
                    .containsEntry("attempts", 0)
                    .containsEntry("claimed_by", "b/1");

            assertThat(outbox.record(takeover, LEASE.plusSeconds(3), 10, Outbox.Outcome.DELIVERED, "ok", null))
                    .isTrue();
            // a record for a finished delivery changes nothing either
            assertThat(outbox.record(takeover, LEASE.plusSeconds(4), 10, Outbox.Outcome.FAILED, "again", null))
                    .isFalse();
            assertThat(row(id)).containsEntry("status", "delivered").containsEntry("attempts", 1);
            assertThat(db.count("SELECT COUNT(*) FROM notifications_attempt WHERE delivery_id = ?", id))
                    .isEqualTo(3);
        }

        @Test
        void releaseClaimsFreesOnlyThePendingLeasesOfTheNamedNode() {
            long mine = draft().insert();
            long mineDone = draft().insert();
            long lookalike = draft().insert();
            long other = draft().insert();
            long unclaimed = draft().insert();
            db.update(
                    "UPDATE notifications_delivery SET claimed_by = 'karaf@node_1/17', claimed_until = ? WHERE id = ?",
                    LEASE.toEpochMilli(),
                    mine);
            db.update(
                    "UPDATE notifications_delivery SET claimed_by = 'karaf@node_1/18', claimed_until = ?,"
                            + " status = 'delivered' WHERE id = ?",
                    LEASE.toEpochMilli(),
                    mineDone);
            // '_' must match only itself: this is another node
            db.update(
                    "UPDATE notifications_delivery SET claimed_by = 'karaf@nodeX1/3', claimed_until = ? WHERE id = ?",
                    LEASE.toEpochMilli(),
                    lookalike);
            db.update(
                    "UPDATE notifications_delivery SET claimed_by = 'other/1', claimed_until = ? WHERE id = ?",
                    LEASE.toEpochMilli(),
                    other);

            assertThat(outbox.releaseClaims("karaf@node_1/")).isEqualTo(1);

            assertThat(row(mine).get("claimed_by")).isNull();
            assertThat(row(mine).get("claimed_until")).isNull();
            assertThat(row(mineDone)).containsEntry("claimed_by", "karaf@node_1/18");
            assertThat(row(lookalike)).containsEntry("claimed_by", "karaf@nodeX1/3");
            assertThat(row(other)).containsEntry("claimed_by", "other/1");
            assertThat(ids(outbox.claim("karaf@node_1/19", NOW, LEASE, 10, 1, MERGER)))
                    .containsExactlyInAnyOrder(mine, unclaimed);
            assertThat(outbox.releaseClaims("100%/")).isZero();
        }

        @Test
        void releaseClaimGivesBackOneLeaseOnlyToItsHolder() {
            long id = draft().insert();
            long next = draft().insert();
            assertThat(ids(outbox.claim("a/1", NOW, LEASE, 1, 1, MERGER))).containsExactly(id);
            assertThat(ids(outbox.claim("a/2", NOW, LEASE, 1, 1, MERGER))).containsExactly(next);

            // the outcome of a/1 could not be recorded: only its holder gives the lease back, and only that one
            assertThat(outbox.releaseClaim(id, "b/1")).isFalse();
            assertThat(outbox.releaseClaim(id, "a/1")).isTrue();
            assertThat(outbox.releaseClaim(id, "a/1")).isFalse();
            assertThat(row(id).get("claimed_by")).isNull();
            assertThat(row(next)).containsEntry("claimed_by", "a/2");
            // due again at once, long before the lease would have run out
            assertThat(ids(outbox.claim("b/2", NOW.plusSeconds(1), LEASE, 10, 1, MERGER)))
                    .containsExactly(id);
        }
    }

    // ------------------------------------------------------------------ queries

    @Nested
    class Queries {

        @Test
        void aFreshDatabaseHasNothingDue() {
            assertThat(outbox.claim("a/1", NOW, LEASE, 10, 50, MERGER)).isEmpty();
            assertThat(outbox.nextDue()).isEmpty();
            assertThat(outbox.firingRoutes(1, NOW, 10)).isEmpty();
            assertThat(outbox.purge(NOW)).isZero();
        }

        @Test
        void nextDueIsTheEarliestPendingAttempt() {
            assertThat(outbox.nextDue()).isEmpty();
            draft().status(DeliveryEntity.DELIVERED).due(NOW.minusSeconds(999)).insert();
            draft().status(DeliveryEntity.SUPPRESSED).due(NOW.minusSeconds(999)).insert();
            assertThat(outbox.nextDue()).isEmpty();

            draft().due(NOW.plusSeconds(90)).insert();
            draft().due(NOW.plusSeconds(30)).insert();
            assertThat(outbox.nextDue()).contains(NOW.plusSeconds(30));
        }

        @Test
        void recipientsDeliveredSinceCountsRecipientsOfTheChannelsDeliveredMessages() {
            Instant since = NOW.minus(Duration.ofDays(1));
            deliveredSms(List.of("+491", "+492"), since.plusSeconds(1));
            deliveredSms(List.of("+493"), since);
            deliveredSms(List.of("+494", "+495", "+496"), since.minusMillis(1));
            Draft pending = draft().channel(SMS);
            pending.recipients = List.of("+497");
            pending.insert();
            Draft slack = draft().channel(SLACK).status(DeliveryEntity.DELIVERED);
            slack.recipients = List.of("#ops");
            long slackId = slack.insert();
            db.update("UPDATE notifications_delivery SET delivered_at = ? WHERE id = ?", NOW.toEpochMilli(), slackId);

            assertThat(outbox.recipientsDeliveredSince(SMS, since)).isEqualTo(3);
            assertThat(outbox.recipientsDeliveredSince(SLACK, since)).isEqualTo(1);
            assertThat(outbox.recipientsDeliveredSince(99, since)).isZero();
        }

        private void deliveredSms(List<String> to, Instant at) {
            Draft d = draft().channel(SMS);
            d.recipients = to;
            long id = d.insert();
            outbox.record(
                    outbox.claimOne(id, "a/1", at, at.plusSeconds(60)).orElseThrow(),
                    at,
                    5,
                    Outbox.Outcome.DELIVERED,
                    "ok",
                    null);
        }

        @Test
        void firingRoutesAreTheStillFiringAlertsARuleLastSentBeforeTheCutoff() {
            Instant cutoff = NOW.minus(Duration.ofHours(4));
            long oldest = alertWithState("a", 1, true, cutoff.minusSeconds(600));
            long atCutoff = alertWithState("b", 1, true, cutoff);
            alertWithState("c", 1, true, cutoff.plusSeconds(1)); // sent too recently
            alertWithState("d", 1, false, cutoff.minusSeconds(600)); // its recovery was sent
            alertWithState("e", 2, true, cutoff.minusSeconds(600)); // another rule
            alertWithState("f", 1, true, cutoff.minusSeconds(300));
            long resolved = alertWithState("g", 1, true, cutoff.minusSeconds(900));
            resolve(up("g", NOW), NOW);

            List<FiringRoute> routes = outbox.firingRoutes(1, cutoff, 10);

            assertThat(routes).extracting(r -> r.event().alertKey()).containsExactly("a", "f", "b");
            assertThat(routes.get(0).alertId()).isEqualTo(oldest);
            assertThat(routes.get(0).ruleId()).isEqualTo(1);
            assertThat(routes.get(0).lastNotifiedAt()).isEqualTo(cutoff.minusSeconds(600));
            assertThat(routes.get(0).event()).isEqualTo(down("a", NOW.minus(Duration.ofHours(6))));
            assertThat(routes.get(2).alertId()).isEqualTo(atCutoff);
            assertThat(routes).extracting(FiringRoute::alertId).doesNotContain(resolved);
            assertThat(outbox.firingRoutes(1, cutoff, 2))
                    .extracting(r -> r.event().alertKey())
                    .containsExactly("a", "f");
            assertThat(outbox.firingRoutes(2, cutoff, 10))
                    .extracting(r -> r.event().alertKey())
                    .containsExactly("e");
        }

        private long alertWithState(String key, long ruleId, boolean notifiedFiring, Instant lastNotifiedAt) {
            return outbox.inTransaction(tx -> {
                long id = tx.fire(down(key, NOW.minus(Duration.ofHours(6))), NOW);
                tx.saveRouteState(id, ruleId, new RouteState(notifiedFiring, lastNotifiedAt));
                return id;
            });
        }

        @Test
        void theLogIsFilteredAndPagedNewestFirst() {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Draft d = draft().created(NOW.minusSeconds(100 - i));
                d.alertKey = "shop:42";
                ids.add(d.insert());
            }
            Draft ssl = draft().channel(SMS).created(NOW.minusSeconds(10)).status(DeliveryEntity.FAILED);
            ssl.topic = "sitekeeper/ssl_check/EXPIRING";
            ssl.siteId = 43L;
            long sslId = ssl.insert();
            Draft sslLookalike = draft().created(NOW.minusSeconds(10));
            sslLookalike.topic = "sitekeeper/sslXcheck/EXPIRING";
            long lookalikeId = sslLookalike.insert();

            Page<DeliveryDto> first = outbox.list(query(null, null, null, null, null, null, 2), OutboxTest::nameOf);
            assertThat(first.total()).isEqualTo(7);
            assertThat(first.items()).extracting(DeliveryDto::id).containsExactly(lookalikeId, sslId);
            assertThat(first.nextCursor()).isEqualTo(Cursors.encode(sslId));

            Page<DeliveryDto> second = outbox.list(
                    new DeliveryQuery(null, null, null, null, null, null, new PageRequest(4, sslId)),
                    OutboxTest::nameOf);
            assertThat(second.total()).isEqualTo(7);
            assertThat(second.items())
                    .extracting(DeliveryDto::id)
                    .containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1));
            Page<DeliveryDto> last = outbox.list(
                    new DeliveryQuery(null, null, null, null, null, null, new PageRequest(4, ids.get(1))),
                    OutboxTest::nameOf);
            assertThat(last.items()).extracting(DeliveryDto::id).containsExactly(ids.get(0));
            assertThat(last.nextCursor()).isNull();

            assertThat(ids(outbox.list(query("failed", null, null, null, null, null, 50), OutboxTest::nameOf)))
                    .containsExactly(sslId);
            assertThat(ids(outbox.list(query(null, SMS, null, null, null, null, 50), OutboxTest::nameOf)))
                    .containsExactly(sslId);
            assertThat(ids(outbox.list(query(null, null, "shop:42", null, null, null, 50), OutboxTest::nameOf)))
                    .containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
            // '_' in a topic prefix is literal
            assertThat(ids(outbox.list(query(null, null, null, "sitekeeper/ssl_", null, null, 50), OutboxTest::nameOf)))
                    .containsExactly(sslId);
            assertThat(ids(outbox.list(query(null, null, null, null, 43L, null, 50), OutboxTest::nameOf)))
                    .containsExactly(sslId);
            Page<DeliveryDto> recent =
                    outbox.list(query(null, null, null, null, null, NOW.minusSeconds(97), 50), OutboxTest::nameOf);
            assertThat(ids(recent)).containsExactly(lookalikeId, sslId, ids.get(4), ids.get(3));
            assertThat(recent.total()).isEqualTo(4);

            DeliveryDto failed = first.items().get(1);
            assertThat(failed.channelName()).isEqualTo("on-call-sms");
            assertThat(failed.topic()).isEqualTo("sitekeeper/ssl_check/EXPIRING");
            assertThat(failed.nextAttemptAt()).isNull();
            assertThat(failed.attemptLog()).isEmpty();
            assertThat(first.items().get(0).nextAttemptAt()).isEqualTo(sslLookalike.nextAttemptAt);
        }

        private static DeliveryQuery query(
                String status, Long channel, String key, String topic, Long site, Instant since, int limit) {
            return new DeliveryQuery(status, channel, key, topic, site, since, new PageRequest(limit, 0));
        }

        private static List<Long> ids(Page<DeliveryDto> page) {
            return page.items().stream().map(DeliveryDto::id).toList();
        }

        @Test
        void findShowsOneDeliveryWithItsAttemptsInOrder() {
            Draft d = draft();
            d.recipients = List.of("ops@example.com", "cto@example.com");
            long id = d.insert();
            ClaimedDelivery c = outbox.claimOne(id, "a/1", NOW, LEASE).orElseThrow();
            outbox.record(c, NOW.plusSeconds(1), 11, Outbox.Outcome.RETRY, "busy", NOW.plusSeconds(20));
            ClaimedDelivery c2 =
                    outbox.claimOne(id, "a/2", NOW.plusSeconds(20), LEASE).orElseThrow();
            outbox.record(c2, NOW.plusSeconds(21), 12, Outbox.Outcome.FAILED, "rejected", null);

            DeliveryDto dto = outbox.find(id, OutboxTest::nameOf).orElseThrow();

            assertThat(dto.id()).isEqualTo(id);
            assertThat(dto.alertKey()).isEqualTo(d.alertKey);
            assertThat(dto.kind()).isEqualTo("alert");
            assertThat(dto.ruleId()).isEqualTo(1L);
            assertThat(dto.recipients()).containsExactly("ops@example.com", "cto@example.com");
            assertThat(dto.status()).isEqualTo("failed");
            assertThat(dto.attempts()).isEqualTo(2);
            assertThat(dto.lastError()).isEqualTo("rejected");
            assertThat(dto.createdAt()).isEqualTo(d.createdAt);
            assertThat(dto.attemptLog())
                    .containsExactly(
                            new DeliveryDto.AttemptDto(NOW.plusSeconds(1), "retry", "busy", 11),
                            new DeliveryDto.AttemptDto(NOW.plusSeconds(21), "failed", "rejected", 12));
            assertThat(outbox.find(id + 1000, OutboxTest::nameOf)).isEmpty();
        }

        @Test
        void findDirectFindsTheFirstDirectMessageQueuedUnderAKey() {
            Draft alert = draft();
            alert.alertKey = "order:1001";
            alert.insert();
            assertThat(outbox.findDirect("order:1001")).isEmpty();

            Draft direct = draft();
            direct.alertKey = "order:1001";
            direct.kind = "direct";
            long first = direct.insert();
            Draft again = draft();
            again.alertKey = "order:1001";
            again.kind = "direct";
            again.insert();

            assertThat(outbox.findDirect("order:1001")).contains(first);
            assertThat(outbox.findDirect("order:1002")).isEmpty();
        }

        @Test
        void statsCountTheQueueAndRecentOutcomes() {
            Outbox.Stats empty = outbox.stats(NOW, NOW.minus(Duration.ofDays(1)));
            assertThat(empty).isEqualTo(new Outbox.Stats(0, 0, null, 0, 0));

            draft().due(NOW.minusSeconds(30)).insert();
            draft().due(NOW).insert();
            draft().due(NOW.plusSeconds(60)).insert();
            draft().status(DeliveryEntity.FAILED).insert();
            draft().status(DeliveryEntity.FAILED)
                    .created(NOW.minus(Duration.ofDays(2)))
                    .insert();
            draft().status(DeliveryEntity.DELIVERED).insert();
            draft().status(DeliveryEntity.DELIVERED).insert();
            draft().status(DeliveryEntity.SUPPRESSED).insert();

            assertThat(outbox.stats(NOW, NOW.minus(Duration.ofDays(1))))
                    .isEqualTo(new Outbox.Stats(3, 2, NOW.minusSeconds(30), 1, 2));
        }
    }

    // ------------------------------------------------------------------ retention

    @Nested
    class Retention {

        @Test
        void purgeDeletesFinishedDeliveriesAndTheirAttemptsBeforeTheCutoffInChunks() {
            Instant cutoff = NOW.minus(Duration.ofDays(90));
            int old = StoreSupport.PURGE_CHUNK * 2 + 17; // three chunks, the last one short
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < old; i++) {
                String status = i % 3 == 0 ? "delivered" : i % 3 == 1 ? "failed" : "grouped";
                rows.add(new Object[] {status, cutoff.minusSeconds(i + 1).toEpochMilli()});
            }
            db.batch(
                    "INSERT INTO notifications_delivery (severity, kind, channel_id, subject, message, status,"
                            + " attempts, next_attempt_at, deadline_at, created_at, version)"
                            + " VALUES ('info', 'alert', 7, 'old', '{}', ?, 1, 0, 0, ?, 1)",
                    rows);
            db.update("INSERT INTO notifications_attempt (delivery_id, attempted_at, outcome, duration_ms)"
                    + " SELECT id, created_at, status, 5 FROM notifications_delivery");
            long oldPending = draft().created(cutoff.minusSeconds(3600)).insert();
            long atCutoff =
                    draft().created(cutoff).status(DeliveryEntity.DELIVERED).insert();
            long recent = draft().created(NOW).status(DeliveryEntity.FAILED).insert();
            ClaimedDelivery c = outbox.claimOne(oldPending, "a/1", NOW, LEASE).orElseThrow();
            outbox.record(c, NOW, 1, Outbox.Outcome.RETRY, "busy", NOW.plusSeconds(60));

            assertThat(outbox.purge(cutoff)).isEqualTo(old);

            assertThat(db.query("SELECT id FROM notifications_delivery ORDER BY id"))
                    .extracting(r -> ((Number) r.get("id")).longValue())
                    .containsExactly(oldPending, atCutoff, recent);
            assertThat(db.query("SELECT delivery_id FROM notifications_attempt"))
                    .extracting(r -> ((Number) r.get("delivery_id")).longValue())
                    .containsExactly(oldPending);
            assertThat(outbox.purge(cutoff)).isZero();
        }

        @Test
        void purgeDeletesAlertsLastSeenBeforeTheCutoffWithTheirRouteStates() {
            Instant cutoff = NOW.minus(Duration.ofDays(90));
            long stale = outbox.inTransaction(tx -> {
                long id = tx.fire(down("stale", cutoff.minusSeconds(10)), NOW);
                tx.saveRouteState(id, 1, new RouteState(true, cutoff.minusSeconds(10)));
                return id;
            });
            resolve(up("stale", cutoff.minusSeconds(5)), NOW);
            long active = outbox.inTransaction(tx -> {
                long id = tx.fire(down("active", cutoff.minusSeconds(100)), NOW);
                tx.fire(down("active", NOW), NOW);
                tx.saveRouteState(id, 1, new RouteState(true, NOW));
                return id;
            });

            outbox.purge(cutoff);

            assertThat(db.query("SELECT alert_key FROM notifications_alert"))
                    .extracting(r -> r.get("alert_key"))
                    .containsExactly("active");
            assertThat(db.query("SELECT alert_id FROM notifications_route_state"))
                    .extracting(r -> ((Number) r.get("alert_id")).longValue())
                    .containsExactly(active)
                    .doesNotContain(stale);
        }
    }
}
