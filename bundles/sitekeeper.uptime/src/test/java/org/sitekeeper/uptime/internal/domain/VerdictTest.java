package org.sitekeeper.uptime.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.internal.domain.Verdict.Outcome;
import org.sitekeeper.uptime.internal.domain.Verdict.Step;
import org.sitekeeper.uptime.internal.domain.Verdict.Transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.sitekeeper.uptime.api.MonitorState.DOWN;
import static org.sitekeeper.uptime.api.MonitorState.UNKNOWN;
import static org.sitekeeper.uptime.api.MonitorState.UP;
import static org.sitekeeper.uptime.internal.domain.Verdict.Outcome.FAIL;
import static org.sitekeeper.uptime.internal.domain.Verdict.Outcome.PASS;

class VerdictTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static Instant at(int i) {
        return T0.plus(Duration.ofMinutes(i));
    }

    /** Runs outcomes from the initial verdict, the i-th at {@link #at(int) at(i)}, and returns every step. */
    private static List<Step> run(int toDown, int toUp, Outcome... outcomes) {
        List<Step> steps = new ArrayList<>();
        Verdict v = Verdict.initial();
        for (int i = 0; i < outcomes.length; i++) {
            Step s = v.next(outcomes[i], at(i), toDown, toUp);
            steps.add(s);
            v = s.verdict();
        }
        return steps;
    }

    private static Step last(List<Step> steps) {
        return steps.get(steps.size() - 1);
    }

    // ---------------------------------------------------------------- construction

    @Test
    void initialVerdictIsUnknownWithoutStreaks() {
        Verdict v = Verdict.initial();

        assertThat(v.state()).isEqualTo(UNKNOWN);
        assertThat(v.failures()).isZero();
        assertThat(v.successes()).isZero();
        assertThat(v.streakStartedAt()).isNull();
    }

    @Test
    void refusesPausedNegativeAndDoubleStreaks() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Verdict(MonitorState.PAUSED, 0, 0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Verdict(UP, -1, 0, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Verdict(UP, 0, -1, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Verdict(UP, 1, 1, T0));
        assertThatNullPointerException().isThrownBy(() -> new Verdict(null, 0, 0, null));
    }

    // ---------------------------------------------------------------- the rules, one by one

    @Test
    void firstPassIsFirstUpWhateverSuccessesToUp() {
        Step s = Verdict.initial().next(PASS, T0, 2, 3);

        assertThat(s.transition()).isEqualTo(Transition.FIRST_UP);
        assertThat(s.verdict()).isEqualTo(new Verdict(UP, 0, 1, null));
        assertThat(s.confirmSoon()).isFalse();
    }

    @Test
    void downOnlyAfterNConsecutiveFailures() {
        List<Step> steps = run(3, 1, PASS, FAIL, FAIL, FAIL);

        assertThat(steps.get(1).verdict()).isEqualTo(new Verdict(UP, 1, 0, at(1)));
        assertThat(steps.get(1).transition()).isEqualTo(Transition.NONE);
        assertThat(steps.get(2).verdict()).isEqualTo(new Verdict(UP, 2, 0, at(1)));
        assertThat(steps.get(2).transition()).isEqualTo(Transition.NONE);
        assertThat(steps.get(3).verdict()).isEqualTo(new Verdict(DOWN, 3, 0, at(1)));
        assertThat(steps.get(3).transition()).isEqualTo(Transition.WENT_DOWN);
    }

    @Test
    void aPassBreaksAFailureStreak() {
        Step s = last(run(3, 1, PASS, FAIL, FAIL, PASS, FAIL, FAIL));

        assertThat(s.verdict()).isEqualTo(new Verdict(UP, 2, 0, at(4)));
        assertThat(s.transition()).isEqualTo(Transition.NONE);
    }

    @Test
    void upAgainAfterMConsecutiveSuccesses() {
        List<Step> steps = run(1, 3, FAIL, PASS, PASS, PASS);

        assertThat(steps.get(0).transition()).isEqualTo(Transition.WENT_DOWN);
        assertThat(steps.get(1).verdict()).isEqualTo(new Verdict(DOWN, 0, 1, null));
        assertThat(steps.get(2).verdict()).isEqualTo(new Verdict(DOWN, 0, 2, null));
        assertThat(steps.get(3).verdict()).isEqualTo(new Verdict(UP, 0, 3, null));
        assertThat(steps.get(3).transition()).isEqualTo(Transition.WENT_UP);
    }

    @Test
    void aFailureWhileDownRestartsTheRecoveryAndKeepsItDown() {
        List<Step> steps = run(1, 2, FAIL, PASS, FAIL, PASS, PASS);

        assertThat(steps.get(2).verdict()).isEqualTo(new Verdict(DOWN, 1, 0, at(2)));
        assertThat(steps.get(2).transition()).isEqualTo(Transition.NONE);
        assertThat(steps.get(3).verdict().state()).isEqualTo(DOWN);
        assertThat(steps.get(4).transition()).isEqualTo(Transition.WENT_UP);
    }

    @Test
    void unknownNeitherBreaksNorExtendsAStreak() {
        Verdict failing = new Verdict(UP, 2, 0, at(0));
        Step s = failing.next(Outcome.UNKNOWN, at(5), 3, 1);

        assertThat(s.verdict()).isEqualTo(failing);
        assertThat(s.transition()).isEqualTo(Transition.NONE);

        // failures around unknowns still count as consecutive
        Step down = last(run(3, 1, PASS, FAIL, Outcome.UNKNOWN, FAIL, Outcome.UNKNOWN, Outcome.UNKNOWN, FAIL));
        assertThat(down.transition()).isEqualTo(Transition.WENT_DOWN);
        assertThat(down.verdict()).isEqualTo(new Verdict(DOWN, 3, 0, at(1)));

        Verdict recovering = new Verdict(DOWN, 0, 1, null);
        assertThat(recovering.next(Outcome.UNKNOWN, at(1), 1, 2).verdict()).isEqualTo(recovering);
    }

    @Test
    void unknownOnANewMonitorGivesNoVerdict() {
        Step s = Verdict.initial().next(Outcome.UNKNOWN, T0, 1, 1);

        assertThat(s.verdict()).isEqualTo(Verdict.initial());
        assertThat(s.transition()).isEqualTo(Transition.NONE);
        assertThat(s.confirmSoon()).isFalse();
    }

    @Test
    void aNewMonitorThatNeverAnsweredGoesDownAfterNFailures() {
        List<Step> steps = run(2, 1, FAIL, FAIL);

        assertThat(steps.get(0).verdict()).isEqualTo(new Verdict(UNKNOWN, 1, 0, at(0)));
        assertThat(steps.get(0).confirmSoon()).isTrue();
        assertThat(steps.get(1).verdict()).isEqualTo(new Verdict(DOWN, 2, 0, at(0)));
        assertThat(steps.get(1).transition()).isEqualTo(Transition.WENT_DOWN);
    }

    @Test
    void streakStartedAtIsTheFirstFailureAndStaysWhileDown() {
        List<Step> steps = run(2, 1, PASS, FAIL, FAIL, FAIL, FAIL);

        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).verdict().streakStartedAt()).isEqualTo(at(1));
        }
        assertThat(last(steps).verdict().failures()).isEqualTo(4);
    }

    @Test
    void confirmSoonOnlyWhileAStreakMayStillChangeTheVerdict() {
        List<Step> steps = run(3, 2, PASS, FAIL, FAIL, FAIL, FAIL, PASS, PASS, PASS);

        assertThat(steps)
                .extracting(Step::confirmSoon)
                .containsExactly(false, true, true, false, false, true, false, false);
    }

    @Test
    void thresholdsBelowOneCountAsOne() {
        assertThat(Verdict.initial().next(FAIL, T0, 0, 0).transition()).isEqualTo(Transition.WENT_DOWN);
        assertThat(new Verdict(DOWN, 1, 0, T0).next(PASS, at(1), -5, -5).transition())
                .isEqualTo(Transition.WENT_UP);
    }

    @Test
    void aStoredStreakWithoutAStartTakesTheNextFailureAsItsStart() {
        Step s = new Verdict(UP, 1, 0, null).next(FAIL, at(3), 3, 1);

        assertThat(s.verdict()).isEqualTo(new Verdict(UP, 2, 0, at(3)));
    }

    // ---------------------------------------------------------------- exhaustive, against a model

    /**
     * An independent model: the verdict after a sequence is worked out from the whole history at once, from the
     * trailing runs of the sequence with the unknown outcomes taken out.
     */
    private record Expected(
            MonitorState state,
            int failures,
            int successes,
            Instant streakStartedAt,
            Transition transition,
            boolean confirmSoon) {}

    private static Expected model(List<Outcome> all, int toDown, int toUp) {
        int n = Math.max(1, toDown);
        int m = Math.max(1, toUp);
        List<Integer> decided = new ArrayList<>(); // indexes of PASS and FAIL outcomes
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) != Outcome.UNKNOWN) {
                decided.add(i);
            }
        }
        MonitorState state = UNKNOWN;
        MonitorState before = UNKNOWN;
        for (int k = 0; k < decided.size(); k++) {
            Outcome o = all.get(decided.get(k));
            int run = 0;
            for (int j = k; j >= 0 && all.get(decided.get(j)) == o; j--) {
                run++;
            }
            before = state;
            if (o == PASS && (state != DOWN || run >= m)) {
                state = UP;
            } else if (o == FAIL && run >= n) {
                state = DOWN;
            }
        }
        Outcome lastOutcome = all.isEmpty() ? null : all.get(all.size() - 1);
        boolean lastDecided = lastOutcome == PASS || lastOutcome == FAIL;
        if (!lastDecided) {
            before = state; // an unknown changes nothing
        }
        int failures = 0;
        int successes = 0;
        Instant started = null;
        for (int k = decided.size() - 1; k >= 0; k--) {
            Outcome o = all.get(decided.get(k));
            if (o != all.get(decided.get(decided.size() - 1))) {
                break;
            }
            if (o == FAIL) {
                failures++;
                started = at(decided.get(k));
            } else {
                successes++;
            }
        }
        Transition transition = Transition.NONE;
        if (before != state) {
            if (state == DOWN) {
                transition = Transition.WENT_DOWN;
            } else if (before == DOWN) {
                transition = Transition.WENT_UP;
            } else {
                transition = Transition.FIRST_UP;
            }
        }
        boolean confirmSoon =
                lastDecided && ((lastOutcome == FAIL && state != DOWN) || (lastOutcome == PASS && state == DOWN));
        return new Expected(state, failures, successes, started, transition, confirmSoon);
    }

    @Test
    void everySequenceUpToEightOutcomesMatchesTheModel() {
        Outcome[] values = Outcome.values();
        int length = 8;
        int sequences = (int) Math.pow(values.length, length);
        int checked = 0;
        for (int toDown = 1; toDown <= 3; toDown++) {
            for (int toUp = 1; toUp <= 3; toUp++) {
                for (int code = 0; code < sequences; code++) {
                    List<Outcome> seq = new ArrayList<>(length);
                    int c = code;
                    for (int i = 0; i < length; i++) {
                        seq.add(values[c % values.length]);
                        c /= values.length;
                    }
                    // every prefix of every sequence of 8 is every sequence of up to 8
                    Verdict v = Verdict.initial();
                    for (int i = 0; i < length; i++) {
                        Step s = v.next(seq.get(i), at(i), toDown, toUp);
                        Expected e = model(seq.subList(0, i + 1), toDown, toUp);
                        String where = "N=" + toDown + " M=" + toUp + " " + seq.subList(0, i + 1);
                        assertThat(s.verdict().state()).as(where).isEqualTo(e.state());
                        assertThat(s.verdict().failures()).as(where).isEqualTo(e.failures());
                        assertThat(s.verdict().successes()).as(where).isEqualTo(e.successes());
                        assertThat(s.verdict().streakStartedAt()).as(where).isEqualTo(e.streakStartedAt());
                        assertThat(s.transition()).as(where).isEqualTo(e.transition());
                        assertThat(s.confirmSoon()).as(where).isEqualTo(e.confirmSoon());
                        v = s.verdict();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(9 * 6561 * 8);
    }

    @Test
    void overEverySequenceDownIsAlwaysBackedByNFailuresInARow() {
        // a property across all sequences: WENT_DOWN happens exactly when the N-th failure in a row (unknowns
        // skipped) arrives while not down; FIRST_UP happens at most once, and only as the first transition
        Outcome[] values = Outcome.values();
        for (int toDown = 1; toDown <= 3; toDown++) {
            for (int code = 0; code < 6561; code++) {
                Verdict v = Verdict.initial();
                int failRun = 0;
                int firstUps = 0;
                boolean anyTransition = false;
                int c = code;
                for (int i = 0; i < 8; i++) {
                    Outcome o = values[c % 3];
                    c /= 3;
                    if (o == FAIL) {
                        failRun++;
                    } else if (o == PASS) {
                        failRun = 0;
                    }
                    boolean wasDown = v.state() == DOWN;
                    Step s = v.next(o, at(i), toDown, 2);
                    assertThat(s.transition() == Transition.WENT_DOWN)
                            .isEqualTo(o == FAIL && !wasDown && failRun >= toDown);
                    if (s.transition() == Transition.FIRST_UP) {
                        firstUps++;
                        assertThat(anyTransition).isFalse();
                    }
                    anyTransition |= s.transition() != Transition.NONE;
                    if (s.verdict().failures() > 0) {
                        assertThat(s.verdict().streakStartedAt()).isNotNull();
                    } else {
                        assertThat(s.verdict().streakStartedAt()).isNull();
                    }
                    v = s.verdict();
                }
                assertThat(firstUps).isLessThanOrEqualTo(1);
            }
        }
    }
}
