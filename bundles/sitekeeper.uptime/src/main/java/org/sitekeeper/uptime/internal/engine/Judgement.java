package org.sitekeeper.uptime.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.internal.domain.CertificateWarnings;
import org.sitekeeper.uptime.internal.domain.CheckSchedule;
import org.sitekeeper.uptime.internal.domain.Probe;
import org.sitekeeper.uptime.internal.domain.Verdict;
import org.sitekeeper.uptime.internal.store.CheckWrite;
import org.sitekeeper.uptime.internal.store.MonitorRow;

/**
 * What one finished check means for its monitor: the outcome (a failure the hub cannot vouch for is unknown),
 * the verdict step, the next due time, incident and certificate changes. Plain Java over its inputs.
 *
 * @param write what to store
 * @param transition what the verdict did
 * @param certificate the certificate decision, or {@code null} without a certificate
 */
record Judgement(CheckWrite write, Verdict.Transition transition, CertificateWarnings.Decision certificate) {

    /**
     * @param unreliable why the hub cannot vouch for a failure now (starved, stalled, offline), or {@code null}
     */
    static Judgement of(
            MonitorRow row,
            String token,
            Probe probe,
            String unreliable,
            Instant now,
            Duration confirmDelay,
            List<Integer> certificateThresholds) {
        Verdict.Outcome outcome;
        String detail = probe.detail();
        if (probe.passed()) {
            outcome = Verdict.Outcome.PASS;
        } else if (unreliable != null) {
            outcome = Verdict.Outcome.UNKNOWN;
            detail = "not counted (" + unreliable + "): " + probe.detail();
        } else {
            outcome = Verdict.Outcome.FAIL;
        }
        Verdict before = row.toVerdict();
        Verdict.Step step = before.next(outcome, probe.startedAt(), row.failuresToDown(), row.successesToUp());
        Verdict after = step.verdict();
        boolean changed = after.state() != before.state();
        Instant next = CheckSchedule.nextDue(row.id(), row.intervalSeconds(), now, step.confirmSoon(), confirmDelay);
        CertificateWarnings.Decision cert = null;
        Long certExpiresAt = null;
        Integer warned = row.certWarnedDays();
        if (probe.certificate() != null) {
            cert = CertificateWarnings.decide(probe.certificate().notAfter(), now, certificateThresholds, warned);
            certExpiresAt = probe.certificate().notAfter().toEpochMilli();
            warned = cert.warnedDays();
        }
        int incident = CheckWrite.NONE;
        if (step.transition() == Verdict.Transition.WENT_DOWN) {
            incident = CheckWrite.OPEN;
        } else if (step.transition() == Verdict.Transition.WENT_UP) {
            incident = CheckWrite.CLOSE;
        }
        String stored = outcome == Verdict.Outcome.PASS
                ? "up"
                : outcome == Verdict.Outcome.FAIL ? "down" : MonitorState.UNKNOWN.wireName();
        CheckWrite write = new CheckWrite(
                row.id(),
                token,
                now.toEpochMilli(),
                stored,
                probe.responseMs(),
                probe.statusCode(),
                probe.cause() == null ? null : probe.cause().wireName(),
                detail,
                after.state().wireName(),
                after.failures(),
                after.successes(),
                after.streakStartedAt() == null ? null : after.streakStartedAt().toEpochMilli(),
                changed ? now.toEpochMilli() : row.stateSince(),
                changed,
                next.toEpochMilli(),
                certExpiresAt,
                warned,
                incident,
                row.siteId(),
                row.openIncidentId(),
                after.streakStartedAt() == null
                        ? now.toEpochMilli()
                        : after.streakStartedAt().toEpochMilli());
        return new Judgement(write, step.transition(), cert);
    }
}
