package org.sitekeeper.uptime.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sitekeeper.uptime.api.FailureCause;
import org.sitekeeper.uptime.internal.domain.CertificateWarnings;
import org.sitekeeper.uptime.internal.domain.CheckSchedule;
import org.sitekeeper.uptime.internal.domain.Probe;
import org.sitekeeper.uptime.internal.domain.Verdict.Transition;
import org.sitekeeper.uptime.internal.store.CheckWrite;
import org.sitekeeper.uptime.internal.store.MonitorRow;

import static org.assertj.core.api.Assertions.assertThat;

class JudgementTest {

    private static final long ID = 4242;
    private static final int INTERVAL = 300;
    private static final Duration CONFIRM = Duration.ofSeconds(20);
    private static final List<Integer> THRESHOLDS = List.of(30, 14, 7);
    private static final String TOKEN = "node-1/7";
    /** Just after one of the monitor's slots: its next slot is a whole interval away. */
    private static final Instant NOW = CheckSchedule.nextSlot(ID, INTERVAL, Instant.parse("2026-03-01T10:00:00Z"))
            .plusMillis(1);

    private static final Instant STARTED = NOW.minusMillis(800);
    private static final long SINCE = NOW.minus(Duration.ofDays(3)).toEpochMilli();

    /** A monitor row with chosen verdict columns; everything else fixed. */
    private static MonitorRow row(
            String verdict,
            int failures,
            int successes,
            Long streakStartedAt,
            int failuresToDown,
            int successesToUp,
            Integer certWarnedDays,
            Long openIncidentId) {
        return new MonitorRow(
                ID,
                77L,
                "Shop",
                "http",
                "https://shop.example.com/",
                "shop.example.com",
                "GET",
                "200-399",
                null,
                false,
                null,
                true,
                0,
                10,
                INTERVAL,
                failuresToDown,
                successesToUp,
                false,
                true,
                verdict,
                failures,
                successes,
                streakStartedAt,
                SINCE,
                null,
                null,
                null,
                null,
                null,
                null,
                NOW.minusSeconds(1).toEpochMilli(),
                TOKEN,
                NOW.plusSeconds(60).toEpochMilli(),
                null,
                certWarnedDays,
                openIncidentId,
                "admin",
                SINCE,
                SINCE);
    }

    private static MonitorRow up(int failures, Long streakStartedAt, int failuresToDown) {
        return row("up", failures, failures == 0 ? 3 : 0, streakStartedAt, failuresToDown, 1, null, null);
    }

    private static Probe pass(Probe.CertificateInfo cert) {
        return new Probe(null, null, 123, 200, cert, STARTED, false);
    }

    private static Probe fail(FailureCause cause, String detail) {
        return new Probe(cause, detail, null, null, null, STARTED, false);
    }

    private static Judgement judge(MonitorRow row, Probe probe, String unreliable) {
        return Judgement.of(row, TOKEN, probe, unreliable, NOW, CONFIRM, THRESHOLDS);
    }

    @Test
    void aPassOfANewMonitorIsItsFirstVerdict() {
        Judgement j = judge(row("unknown", 0, 0, null, 2, 1, null, null), pass(null), null);
        CheckWrite w = j.write();

        assertThat(j.transition()).isEqualTo(Transition.FIRST_UP);
        assertThat(j.certificate()).isNull();
        assertThat(w.monitorId()).isEqualTo(ID);
        assertThat(w.token()).isEqualTo(TOKEN);
        assertThat(w.checkedAt()).isEqualTo(NOW.toEpochMilli());
        assertThat(w.outcome()).isEqualTo("up");
        assertThat(w.responseMs()).isEqualTo(123);
        assertThat(w.statusCode()).isEqualTo(200);
        assertThat(w.cause()).isNull();
        assertThat(w.detail()).isNull();
        assertThat(w.verdict()).isEqualTo("up");
        assertThat(w.failures()).isZero();
        assertThat(w.successes()).isEqualTo(1);
        assertThat(w.streakStartedAt()).isNull();
        assertThat(w.stateChanged()).isTrue();
        assertThat(w.stateSince()).isEqualTo(NOW.toEpochMilli());
        assertThat(w.incident()).isEqualTo(CheckWrite.NONE);
        assertThat(w.siteId()).isEqualTo(77L);
        assertThat(w.nextDueAt())
                .isEqualTo(CheckSchedule.nextSlot(ID, INTERVAL, NOW).toEpochMilli())
                .isEqualTo(NOW.plusSeconds(INTERVAL).minusMillis(1).toEpochMilli());
    }

    @Test
    void aPassOfAnUpMonitorChangesNothingButTheCounts() {
        CheckWrite w = judge(up(0, null, 2), pass(null), null).write();

        assertThat(w.stateChanged()).isFalse();
        assertThat(w.stateSince()).isEqualTo(SINCE);
        assertThat(w.successes()).isEqualTo(4);
        assertThat(w.incident()).isEqualTo(CheckWrite.NONE);
    }

    @Test
    void aFirstFailureOpensAStreakAndIsCheckedAgainSoon() {
        Judgement j = judge(up(0, null, 3), fail(FailureCause.TIMEOUT, "no answer within 10 s"), null);
        CheckWrite w = j.write();

        assertThat(j.transition()).isEqualTo(Transition.NONE);
        assertThat(w.outcome()).isEqualTo("down");
        assertThat(w.cause()).isEqualTo("timeout");
        assertThat(w.detail()).isEqualTo("no answer within 10 s");
        assertThat(w.verdict()).isEqualTo("up");
        assertThat(w.failures()).isEqualTo(1);
        assertThat(w.successes()).isZero();
        assertThat(w.streakStartedAt()).isEqualTo(STARTED.toEpochMilli());
        assertThat(w.stateChanged()).isFalse();
        assertThat(w.stateSince()).isEqualTo(SINCE);
        assertThat(w.incident()).isEqualTo(CheckWrite.NONE);
        assertThat(w.nextDueAt()).isEqualTo(NOW.plus(CONFIRM).toEpochMilli());
    }

    @Test
    void theConfirmingFailureGoesDownAndOpensAnIncidentFromTheFirstFailure() {
        long firstFailure = NOW.minusSeconds(25).toEpochMilli();
        Judgement j = judge(up(1, firstFailure, 2), fail(FailureCause.CONNECTION, "Connection refused"), null);
        CheckWrite w = j.write();

        assertThat(j.transition()).isEqualTo(Transition.WENT_DOWN);
        assertThat(w.incident()).isEqualTo(CheckWrite.OPEN);
        assertThat(w.incidentStartedAt()).isEqualTo(firstFailure);
        assertThat(w.verdict()).isEqualTo("down");
        assertThat(w.failures()).isEqualTo(2);
        assertThat(w.streakStartedAt()).isEqualTo(firstFailure);
        assertThat(w.stateChanged()).isTrue();
        assertThat(w.stateSince()).isEqualTo(NOW.toEpochMilli());
        assertThat(w.cause()).isEqualTo("connection");
        assertThat(w.detail()).isEqualTo("Connection refused");
        assertThat(w.nextDueAt())
                .isEqualTo(CheckSchedule.nextSlot(ID, INTERVAL, NOW).toEpochMilli());
    }

    @Test
    void withOneFailureToDownTheIncidentStartsWhenTheCheckStarted() {
        Judgement j = judge(up(0, null, 1), fail(FailureCause.STATUS, "status 500, expected 200-399"), null);

        assertThat(j.transition()).isEqualTo(Transition.WENT_DOWN);
        assertThat(j.write().incident()).isEqualTo(CheckWrite.OPEN);
        assertThat(j.write().incidentStartedAt()).isEqualTo(STARTED.toEpochMilli());
    }

    @Test
    void furtherFailuresWhileDownOpenNothingNew() {
        long firstFailure = NOW.minusSeconds(600).toEpochMilli();
        MonitorRow down = row("down", 5, 0, firstFailure, 2, 1, null, 9L);
        Judgement j = judge(down, fail(FailureCause.TIMEOUT, "t"), null);

        assertThat(j.transition()).isEqualTo(Transition.NONE);
        assertThat(j.write().incident()).isEqualTo(CheckWrite.NONE);
        assertThat(j.write().failures()).isEqualTo(6);
        assertThat(j.write().streakStartedAt()).isEqualTo(firstFailure);
        assertThat(j.write().stateChanged()).isFalse();
        assertThat(j.write().stateSince()).isEqualTo(SINCE);
        assertThat(j.write().nextDueAt())
                .isEqualTo(CheckSchedule.nextSlot(ID, INTERVAL, NOW).toEpochMilli());
    }

    @Test
    void anUnreliableFailureIsUnknownAndDoesNotAdvanceTheStreak() {
        long firstFailure = NOW.minusSeconds(25).toEpochMilli();
        MonitorRow failing = up(1, firstFailure, 2); // one more real failure would take it down
        Judgement j = judge(failing, fail(FailureCause.TIMEOUT, "no answer within 10 s"), "the hub is offline");
        CheckWrite w = j.write();

        assertThat(j.transition()).isEqualTo(Transition.NONE);
        assertThat(w.outcome()).isEqualTo("unknown");
        assertThat(w.detail()).isEqualTo("not counted (the hub is offline): no answer within 10 s");
        assertThat(w.cause()).isEqualTo("timeout");
        assertThat(w.verdict()).isEqualTo("up");
        assertThat(w.failures()).isEqualTo(1);
        assertThat(w.successes()).isZero();
        assertThat(w.streakStartedAt()).isEqualTo(firstFailure);
        assertThat(w.stateChanged()).isFalse();
        assertThat(w.stateSince()).isEqualTo(SINCE);
        assertThat(w.incident()).isEqualTo(CheckWrite.NONE);
        assertThat(w.nextDueAt())
                .isEqualTo(CheckSchedule.nextSlot(ID, INTERVAL, NOW).toEpochMilli());
    }

    @Test
    void anUnreliableFailureNeverTakesAMonitorDownEvenWithOneFailureToDown() {
        Judgement j = judge(up(0, null, 1), fail(FailureCause.DNS, "unknown host"), "starved");

        assertThat(j.transition()).isEqualTo(Transition.NONE);
        assertThat(j.write().verdict()).isEqualTo("up");
        assertThat(j.write().failures()).isZero();
        assertThat(j.write().successes()).isEqualTo(3);
        assertThat(j.write().incident()).isEqualTo(CheckWrite.NONE);
    }

    @Test
    void aPassIsAPassEvenWhileTheHubIsUnreliable() {
        Judgement j = judge(row("down", 3, 0, NOW.toEpochMilli() - 1000, 2, 1, null, 5L), pass(null), "starved");

        assertThat(j.transition()).isEqualTo(Transition.WENT_UP);
        assertThat(j.write().outcome()).isEqualTo("up");
        assertThat(j.write().detail()).isNull();
    }

    @Test
    void recoveryClosesTheOpenIncident() {
        MonitorRow down = row("down", 4, 0, NOW.minusSeconds(900).toEpochMilli(), 2, 1, null, 31L);
        Judgement j = judge(down, pass(null), null);
        CheckWrite w = j.write();

        assertThat(j.transition()).isEqualTo(Transition.WENT_UP);
        assertThat(w.incident()).isEqualTo(CheckWrite.CLOSE);
        assertThat(w.openIncidentId()).isEqualTo(31L);
        assertThat(w.verdict()).isEqualTo("up");
        assertThat(w.failures()).isZero();
        assertThat(w.successes()).isEqualTo(1);
        assertThat(w.streakStartedAt()).isNull();
        assertThat(w.stateChanged()).isTrue();
        assertThat(w.stateSince()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void recoveryWaitsForEnoughSuccessesAndConfirmsSoon() {
        MonitorRow down = row("down", 4, 0, NOW.minusSeconds(900).toEpochMilli(), 2, 2, null, 31L);
        Judgement first = judge(down, pass(null), null);

        assertThat(first.transition()).isEqualTo(Transition.NONE);
        assertThat(first.write().incident()).isEqualTo(CheckWrite.NONE);
        assertThat(first.write().verdict()).isEqualTo("down");
        assertThat(first.write().successes()).isEqualTo(1);
        assertThat(first.write().stateChanged()).isFalse();
        assertThat(first.write().nextDueAt()).isEqualTo(NOW.plus(CONFIRM).toEpochMilli());
        assertThat(first.write().openIncidentId()).isEqualTo(31L);

        MonitorRow recovering = row("down", 0, 1, null, 2, 2, null, 31L);
        Judgement second = judge(recovering, pass(null), null);
        assertThat(second.transition()).isEqualTo(Transition.WENT_UP);
        assertThat(second.write().incident()).isEqualTo(CheckWrite.CLOSE);
        assertThat(second.write().openIncidentId()).isEqualTo(31L);
    }

    @Test
    void aCertificateCloseToExpiryIsDecidedAndRemembered() {
        Instant notAfter = NOW.plus(Duration.ofDays(10));
        Probe probe = pass(new Probe.CertificateInfo(notAfter, "CN=shop", "CN=CA", null));
        MonitorRow warnedAt30 = row("up", 0, 3, null, 2, 1, 30, null);

        Judgement j = judge(warnedAt30, probe, null);

        assertThat(j.certificate()).isEqualTo(new CertificateWarnings.Decision(10, 14, true, false));
        assertThat(j.write().certExpiresAt()).isEqualTo(notAfter.toEpochMilli());
        assertThat(j.write().certWarnedDays()).isEqualTo(14);
    }

    @Test
    void aRenewedCertificateClearsTheWarning() {
        Instant notAfter = NOW.plus(Duration.ofDays(89));
        Judgement j = judge(
                row("up", 0, 3, null, 2, 1, 7, null),
                pass(new Probe.CertificateInfo(notAfter, "CN=shop", "CN=CA", null)),
                null);

        assertThat(j.certificate().cleared()).isTrue();
        assertThat(j.certificate().warn()).isFalse();
        assertThat(j.write().certWarnedDays()).isNull();
        assertThat(j.write().certExpiresAt()).isEqualTo(notAfter.toEpochMilli());
    }

    @Test
    void withoutACertificateTheRememberedWarningStays() {
        Judgement j = judge(row("up", 0, 3, null, 2, 1, 14, null), fail(FailureCause.TIMEOUT, "t"), null);

        assertThat(j.certificate()).isNull();
        assertThat(j.write().certExpiresAt()).isNull();
        assertThat(j.write().certWarnedDays()).isEqualTo(14);
    }

    @Test
    void aPausedRowIsJudgedAsANewMonitor() {
        Judgement j = judge(row("paused", 0, 0, null, 2, 1, null, null), pass(null), null);

        assertThat(j.transition()).isEqualTo(Transition.FIRST_UP);
        assertThat(j.write().verdict()).isEqualTo("up");
    }
}
