package org.sitekeeper.notifications.internal.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.notifications.api.RuleTarget;
import org.sitekeeper.notifications.internal.domain.AlertEvent;
import org.sitekeeper.notifications.internal.domain.RouteState;
import org.sitekeeper.notifications.internal.domain.RuleSpec;
import org.sitekeeper.notifications.internal.domain.SilenceSpec;
import org.sitekeeper.notifications.internal.domain.SiteFacts;
import org.sitekeeper.notifications.internal.domain.TopicPattern;
import org.sitekeeper.notifications.internal.domain.Window;
import org.sitekeeper.notifications.internal.service.Routing;
import org.sitekeeper.notifications.internal.service.TestServices;
import org.sitekeeper.notifications.internal.store.FiringRoute;
import org.sitekeeper.notifications.internal.store.NotificationsDatabase;
import org.sitekeeper.notifications.internal.store.Outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AlertProcessorTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final SiteFacts SHOP = new SiteFacts(42, "Shop", "https://shop.example", "eu", List.of("woo"));
    private static final Duration DEADLINE = Duration.ofHours(24);
    private static final long SLACK = 7;
    private static final long SMS = 8;
    private static final long MUTED = 9;
    private static final Map<Long, Routing.ChannelInfo> CHANNELS = Map.of(
            SLACK, new Routing.ChannelInfo(SLACK, "slack", "ops", true),
            SMS, new Routing.ChannelInfo(SMS, "sms", "on-call", true),
            MUTED, new Routing.ChannelInfo(MUTED, "slack", "muted", false));

    @RegisterExtension
    static final NotificationsDatabase.PerClass DATABASE = new NotificationsDatabase.PerClass();

    private static NotificationsDatabase db;
    private static Outbox outbox;
    private static AlertProcessor processor;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = DATABASE.get();
        outbox = new Outbox(db.emf());
        processor = new AlertProcessor(TestServices.renderer(), DEADLINE);
    }

    private static RuleSpec rule(long id, String topic, Duration groupWait, RuleTarget... targets) {
        return new RuleSpec(
                id,
                "rule " + id,
                true,
                (int) id * 10,
                List.of(TopicPattern.parse("topics", topic)),
                Severity.WARNING,
                Set.of(),
                Set.of(),
                Set.of(),
                List.of(targets),
                Duration.ofMinutes(10),
                Duration.ofHours(4),
                groupWait,
                false);
    }

    /** Rule 1 sends uptime alerts to Slack and by SMS (and to a disabled channel); rule 2 sends SSL alerts. */
    private static Routing.Snapshot routing(SilenceSpec... silences) {
        return new Routing.Snapshot(
                List.of(
                        rule(
                                1,
                                "sitekeeper/uptime/*",
                                Duration.ZERO,
                                new RuleTarget(SLACK, List.of()),
                                new RuleTarget(SMS, List.of("+4915100000001")),
                                new RuleTarget(MUTED, List.of())),
                        rule(2, "sitekeeper/ssl/*", Duration.ofSeconds(30), new RuleTarget(SLACK, List.of())),
                        rule(3, "sitekeeper/*/*", Duration.ofSeconds(30), new RuleTarget(SLACK, List.of()))),
                List.of(silences),
                CHANNELS,
                NOW);
    }

    private static AlertEvent event(String topic, Instant at) {
        return AlertEvent.from(topic, Map.of("site.id", 42L, "severity", "critical", "title", "Shop: " + topic), at);
    }

    private static int process(AlertEvent event, Routing.Snapshot routing, Instant now) {
        return outbox.inTransaction(tx -> processor.process(tx, event, SHOP, routing, now));
    }

    private static int remind(FiringRoute route, Routing.Snapshot routing, Instant now) {
        return outbox.inTransaction(tx -> processor.remind(tx, route, SHOP, routing, now));
    }

    private static List<Map<String, Object>> deliveries() {
        return db.query("SELECT rule_id, channel_id, kind, status, recipients, group_key, next_attempt_at,"
                + " deadline_at, suppressed_by, last_error FROM notifications_delivery ORDER BY id");
    }

    private static Map<Long, RouteState> states(String alertKey) {
        long alertId =
                ((Number) db.value("SELECT id FROM notifications_alert WHERE alert_key = ?", alertKey)).longValue();
        return outbox.inTransaction(tx -> tx.routeStates(alertId));
    }

    @Test
    void aFiringAlertQueuesOneDeliveryPerEnabledTargetOfEveryMatchingRule() {
        AlertEvent down = event("sitekeeper/uptime/DOWN", NOW);

        assertThat(process(down, routing(), NOW)).isEqualTo(3);

        List<Map<String, Object>> rows = deliveries();
        assertThat(rows)
                .extracting(r -> r.get("rule_id"), r -> r.get("channel_id"))
                .containsExactly(tuple(1L, SLACK), tuple(1L, SMS), tuple(3L, SLACK));
        assertThat(rows).allSatisfy(r -> assertThat(r)
                .containsEntry("kind", "alert")
                .containsEntry("status", "pending")
                .containsEntry("deadline_at", NOW.plus(DEADLINE).toEpochMilli()));
        // rule 1 sends at once; rule 3 waits 30 s to group
        assertThat(rows.get(0)).containsEntry("next_attempt_at", NOW.toEpochMilli());
        assertThat(rows.get(0).get("group_key")).isNull();
        assertThat(rows.get(1)).containsEntry("recipients", "+4915100000001");
        assertThat(rows.get(2))
                .containsEntry("next_attempt_at", NOW.plusSeconds(30).toEpochMilli())
                .containsEntry("group_key", "rule:3:channel:" + SLACK);
        assertThat(states(down.alertKey()))
                .containsOnly(Map.entry(1L, new RouteState(true, NOW)), Map.entry(3L, new RouteState(true, NOW)));
    }

    @Test
    void theSameAlertIsNotSentAgainWithinTheCooldownButIsAfterIt() {
        process(event("sitekeeper/uptime/DOWN", NOW), routing(), NOW);

        Instant soon = NOW.plus(Duration.ofMinutes(5));
        assertThat(process(event("sitekeeper/uptime/DOWN", soon), routing(), soon))
                .isZero();
        assertThat(deliveries()).hasSize(3);
        assertThat(db.value("SELECT occurrences FROM notifications_alert")).isEqualTo(2);

        Instant later = NOW.plus(Duration.ofMinutes(10));
        assertThat(process(event("sitekeeper/uptime/DOWN", later), routing(), later))
                .isEqualTo(3);
        assertThat(deliveries()).hasSize(6);
    }

    @Test
    void aRecoveryGoesOnlyThroughTheRulesThatSentItsAlertAndOnlyOnce() {
        AlertEvent down = event("sitekeeper/uptime/DOWN", NOW);
        process(down, routing(), NOW);
        // rule 3 forgets it sent the alert (as if the rule had been recreated)
        long alertId = ((Number) db.value("SELECT id FROM notifications_alert")).longValue();
        db.update("DELETE FROM notifications_route_state WHERE rule_id = 3 AND alert_id = ?", alertId);
        db.update("DELETE FROM notifications_delivery");

        Instant later = NOW.plusSeconds(600);
        AlertEvent up = event("sitekeeper/uptime/UP", later);
        assertThat(up.alertKey()).isEqualTo(down.alertKey());

        assertThat(process(up, routing(), later)).isEqualTo(2);
        assertThat(deliveries())
                .extracting(r -> r.get("rule_id"), r -> r.get("kind"))
                .containsOnly(tuple(1L, "recovery"));
        assertThat(db.value("SELECT status FROM notifications_alert")).isEqualTo(Outbox.RESOLVED);
        assertThat(states(down.alertKey())).containsOnly(Map.entry(1L, new RouteState(false, later)));

        assertThat(process(event("sitekeeper/uptime/UP", later.plusSeconds(5)), routing(), later.plusSeconds(5)))
                .isZero();
        assertThat(deliveries()).hasSize(2);
    }

    @Test
    void aRecoveryOfAnAlertNeverRaisedQueuesNothing() {
        assertThat(process(event("sitekeeper/uptime/UP", NOW), routing(), NOW)).isZero();
        assertThat(deliveries()).isEmpty();
        assertThat(db.count("SELECT COUNT(*) FROM notifications_alert")).isZero();
    }

    @Test
    void aSilencedAlertIsRecordedAsSuppressedAndCountsAsNotSent() {
        SilenceSpec silence = new SilenceSpec(
                77,
                SilenceSpec.MAINTENANCE,
                Set.of(42L),
                Set.of(),
                List.of(),
                Window.once(NOW.minusSeconds(60), NOW.plusSeconds(3600)));
        AlertEvent down = event("sitekeeper/uptime/DOWN", NOW);

        assertThat(process(down, routing(silence), NOW)).isZero();

        assertThat(deliveries()).hasSize(3).allSatisfy(r -> assertThat(r)
                .containsEntry("status", "suppressed")
                .containsEntry("suppressed_by", 77L)
                .containsEntry("last_error", "suppressed by maintenance #77"));
        assertThat(outbox.nextDue()).isEmpty();
        assertThat(states(down.alertKey())).isEmpty();

        // once the window is over the alert still firing goes out
        Instant after = NOW.plusSeconds(3600);
        assertThat(process(event("sitekeeper/uptime/DOWN", after), routing(silence), after))
                .isEqualTo(3);
    }

    @Test
    void aReminderIsQueuedOnceWhenTheRepeatIntervalHasPassed() {
        process(event("sitekeeper/uptime/DOWN", NOW), routing(), NOW);
        db.update("DELETE FROM notifications_delivery");
        Instant later = NOW.plus(Duration.ofHours(4));

        List<FiringRoute> due = outbox.firingRoutes(1, later.minus(Duration.ofHours(4)), 10);
        assertThat(due).hasSize(1);
        FiringRoute route = due.get(0);

        assertThat(remind(route, routing(), later)).isEqualTo(2);
        assertThat(deliveries())
                .extracting(r -> r.get("kind"), r -> r.get("channel_id"))
                .containsExactly(tuple("repeat", SLACK), tuple("repeat", SMS));
        assertThat(states(route.event().alertKey())).containsEntry(1L, new RouteState(true, later));

        // another node saw the same route before it moved on: it sends nothing
        assertThat(remind(route, routing(), later.plusSeconds(1))).isZero();
        assertThat(deliveries()).hasSize(2);
        // and the reminder is not due again until the next interval
        assertThat(outbox.firingRoutes(1, later.plusSeconds(1).minus(Duration.ofHours(4)), 10))
                .isEmpty();
    }

    @Test
    void noReminderBeforeTheRepeatIntervalOrForARuleGoneOrDisabled() {
        process(event("sitekeeper/uptime/DOWN", NOW), routing(), NOW);
        FiringRoute route = outbox.firingRoutes(1, NOW, 10).get(0);
        long before = deliveries().size();

        Instant early = NOW.plus(Duration.ofHours(3));
        assertThat(remind(route, routing(), early)).isZero();
        Routing.Snapshot withoutRules = new Routing.Snapshot(List.of(), List.of(), CHANNELS, NOW);
        Instant late = NOW.plus(Duration.ofHours(5));
        assertThat(remind(route, withoutRules, late)).isZero();

        assertThat(deliveries()).hasSize((int) before);
        assertThat(states(route.event().alertKey())).containsEntry(1L, new RouteState(true, NOW));
    }
}
