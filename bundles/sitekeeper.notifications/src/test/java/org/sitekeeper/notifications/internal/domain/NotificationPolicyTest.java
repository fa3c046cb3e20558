package org.sitekeeper.notifications.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.notifications.internal.domain.Decision.Action;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPolicyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final RuleSpec RULE = rule(Duration.ofMinutes(10), Duration.ofMinutes(240));
    private static final AlertEvent DOWN =
            AlertEvent.from("sitekeeper/uptime/DOWN", Map.of("site.id", 42L, "severity", "critical"), T0);
    private static final AlertEvent UP = AlertEvent.from("sitekeeper/uptime/UP", Map.of("site.id", 42L), T0);

    private static RuleSpec rule(Duration cooldown, Duration repeat) {
        return new RuleSpec(
                1,
                "ops",
                true,
                0,
                List.of(),
                Severity.INFO,
                Set.of(),
                Set.of(),
                Set.of(),
                List.of(),
                cooldown,
                repeat,
                Duration.ofSeconds(5),
                false);
    }

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    @Test
    void theFirstFiringAlertIsSent() {
        Decision decision = NotificationPolicy.decide(DOWN, RULE, RouteState.NEW, false, T0);

        assertThat(decision.action()).isEqualTo(Action.SEND);
        assertThat(decision.kind()).isEqualTo(NotificationPolicy.ALERT);
        assertThat(decision.state()).isEqualTo(new RouteState(true, T0));
        assertThat(decision.reason()).isNull();
    }

    @Test
    void theSameAlertWithinTheCooldownIsSkipped() {
        RouteState sent =
                NotificationPolicy.decide(DOWN, RULE, RouteState.NEW, false, T0).state();

        Decision again = NotificationPolicy.decide(DOWN, RULE, sent, false, minutes(9));

        assertThat(again.action()).isEqualTo(Action.SKIP);
        assertThat(again.kind()).isEqualTo(NotificationPolicy.ALERT);
        assertThat(again.state()).isEqualTo(sent);
        assertThat(again.reason()).contains("cooldown").contains("ops");
    }

    @Test
    void theSameAlertIsSentAgainOnceTheCooldownIsOver() {
        RouteState sent = new RouteState(true, T0);

        Decision atTheEnd = NotificationPolicy.decide(DOWN, RULE, sent, false, minutes(10));

        assertThat(atTheEnd.action()).isEqualTo(Action.SEND);
        assertThat(atTheEnd.state()).isEqualTo(new RouteState(true, minutes(10)));
    }

    @Test
    void withoutACooldownEveryFiringIsSent() {
        RuleSpec noCooldown = rule(Duration.ZERO, Duration.ZERO);

        Decision decision = NotificationPolicy.decide(DOWN, noCooldown, new RouteState(true, T0), false, T0);

        assertThat(decision.action()).isEqualTo(Action.SEND);
    }

    @Test
    void theRecoveryIsSentOnceAfterTheAlertWasSent() {
        RouteState sent =
                NotificationPolicy.decide(DOWN, RULE, RouteState.NEW, false, T0).state();

        Decision recovery = NotificationPolicy.decide(UP, RULE, sent, false, minutes(3));
        Decision secondRecovery = NotificationPolicy.decide(UP, RULE, recovery.state(), false, minutes(4));

        assertThat(recovery.action()).isEqualTo(Action.SEND);
        assertThat(recovery.kind()).isEqualTo(NotificationPolicy.RECOVERY);
        assertThat(recovery.state()).isEqualTo(new RouteState(false, minutes(3)));
        assertThat(secondRecovery.action()).isEqualTo(Action.SKIP);
        assertThat(secondRecovery.state()).isEqualTo(recovery.state());
    }

    @Test
    void theRecoveryIsNeverSentWhenTheAlertWasNot() {
        Decision decision = NotificationPolicy.decide(UP, RULE, RouteState.NEW, false, T0);

        assertThat(decision.action()).isEqualTo(Action.SKIP);
        assertThat(decision.kind()).isEqualTo(NotificationPolicy.RECOVERY);
        assertThat(decision.state()).isEqualTo(RouteState.NEW);
        assertThat(decision.reason()).isEqualTo("the alert was not sent, so neither is its recovery");
    }

    @Test
    void aRecoveryIsSentEvenWithinTheCooldown() {
        Decision decision = NotificationPolicy.decide(UP, RULE, new RouteState(true, T0), false, minutes(1));

        assertThat(decision.action()).isEqualTo(Action.SEND);
    }

    @Test
    void aSilencedAlertIsSuppressedAndStaysUnsentSoItGoesOutAfterTheSilence() {
        Decision silenced = NotificationPolicy.decide(DOWN, RULE, RouteState.NEW, true, T0);
        Decision afterTheSilence = NotificationPolicy.decide(DOWN, RULE, silenced.state(), false, minutes(1));

        assertThat(silenced.action()).isEqualTo(Action.SUPPRESS);
        assertThat(silenced.kind()).isEqualTo(NotificationPolicy.ALERT);
        assertThat(silenced.reason()).isEqualTo("silenced");
        assertThat(silenced.state()).isEqualTo(RouteState.NEW);
        assertThat(afterTheSilence.action()).isEqualTo(Action.SEND);
        assertThat(afterTheSilence.state()).isEqualTo(new RouteState(true, minutes(1)));
    }

    @Test
    void theRecoveryOfASilencedAlertIsNotSent() {
        Decision silenced = NotificationPolicy.decide(DOWN, RULE, RouteState.NEW, true, T0);

        Decision recovery = NotificationPolicy.decide(UP, RULE, silenced.state(), false, minutes(5));

        assertThat(recovery.action()).isEqualTo(Action.SKIP);
    }

    @Test
    void aSilencedRecoveryIsSuppressedButClosesTheAlert() {
        RouteState sent = new RouteState(true, T0);

        Decision recovery = NotificationPolicy.decide(UP, RULE, sent, true, minutes(5));
        Decision laterRecovery = NotificationPolicy.decide(UP, RULE, recovery.state(), false, minutes(6));

        assertThat(recovery.action()).isEqualTo(Action.SUPPRESS);
        assertThat(recovery.kind()).isEqualTo(NotificationPolicy.RECOVERY);
        assertThat(recovery.reason()).isEqualTo("silenced");
        assertThat(recovery.state()).isEqualTo(new RouteState(false, minutes(5)));
        assertThat(laterRecovery.action()).isEqualTo(Action.SKIP);
    }

    @Test
    void aSilenceDoesNotHideThatTheAlertIsStillInItsCooldown() {
        Decision decision = NotificationPolicy.decide(DOWN, RULE, new RouteState(true, T0), true, minutes(1));

        assertThat(decision.action()).isEqualTo(Action.SKIP);
    }

    @Test
    void anAlertFiringAgainAfterItsRecoveryIsSentAgain() {
        RouteState recovered = new RouteState(false, minutes(1));

        Decision decision = NotificationPolicy.decide(DOWN, RULE, recovered, false, minutes(2));

        assertThat(decision.action()).isEqualTo(Action.SEND);
        assertThat(decision.state()).isEqualTo(new RouteState(true, minutes(2)));
    }

    @Test
    void aRepeatIsDueForASentFiringAlertAfterTheRepeatInterval() {
        RouteState sent = new RouteState(true, T0);

        assertThat(NotificationPolicy.repeatDue(RULE, sent, minutes(239))).isFalse();
        assertThat(NotificationPolicy.repeatDue(RULE, sent, minutes(240))).isTrue();
        assertThat(NotificationPolicy.repeatDue(RULE, sent, minutes(1000))).isTrue();
    }

    @Test
    void noRepeatForAnAlertThatWasNotSentOrHasRecovered() {
        assertThat(NotificationPolicy.repeatDue(RULE, RouteState.NEW, minutes(1000)))
                .isFalse();
        assertThat(NotificationPolicy.repeatDue(RULE, new RouteState(false, T0), minutes(1000)))
                .isFalse();
        assertThat(NotificationPolicy.repeatDue(RULE, new RouteState(true, null), minutes(1000)))
                .isFalse();
    }

    @Test
    void neverARepeatWhenTheRepeatIntervalIsZero() {
        RuleSpec noRepeat = rule(Duration.ofMinutes(10), Duration.ZERO);

        assertThat(NotificationPolicy.repeatDue(noRepeat, new RouteState(true, T0), minutes(100_000)))
                .isFalse();
    }
}
