package org.sitekeeper.uptime.internal.domain;

import java.time.Instant;
import java.util.Objects;

import org.sitekeeper.uptime.api.MonitorState;

/**
 * What the hub has concluded about a monitor so far, and the streaks that lead to the next conclusion. A state
 * machine over check outcomes: DOWN only after {@code failuresToDown} consecutive failures, UP again after
 * {@code successesToUp} consecutive successes; an outcome of {@link Outcome#UNKNOWN} (the hub could not check
 * properly) neither breaks nor extends a streak. Immutable.
 *
 * @param state {@link MonitorState#UP}, {@link MonitorState#DOWN} or, before the first verdict,
 *     {@link MonitorState#UNKNOWN}
 * @param failures consecutive failures up to now
 * @param successes consecutive successes up to now
 * @param streakStartedAt when the current failure streak began (the first failure), or {@code null}
 */
public record Verdict(MonitorState state, int failures, int successes, Instant streakStartedAt) {

    /** How one check went. */
    public enum Outcome {
        PASS,
        FAIL,
        /** The check could not run properly: the hub was starved or offline. Not evidence either way. */
        UNKNOWN
    }

    /** What a step changed. */
    public enum Transition {
        NONE,
        /** The first verdict of a new monitor, UP: nothing to report. */
        FIRST_UP,
        /** Confirmed down: open an incident, alert. */
        WENT_DOWN,
        /** Confirmed up again: close the incident, report the recovery. */
        WENT_UP
    }

    /**
     * The result of one step.
     *
     * @param verdict the new verdict
     * @param transition what changed
     * @param confirmSoon a streak is under way that the next check may confirm: check again sooner than the
     *     interval
     */
    public record Step(Verdict verdict, Transition transition, boolean confirmSoon) {}

    public Verdict {
        Objects.requireNonNull(state, "state");
        if (state == MonitorState.PAUSED) {
            throw new IllegalArgumentException("a verdict is up, down or unknown");
        }
        if (failures < 0 || successes < 0 || (failures > 0 && successes > 0)) {
            throw new IllegalArgumentException("streaks: " + failures + " failures, " + successes + " successes");
        }
    }

    /** A new monitor: no verdict yet. */
    public static Verdict initial() {
        return new Verdict(MonitorState.UNKNOWN, 0, 0, null);
    }

    /**
     * Applies one outcome.
     *
     * @param failuresToDown consecutive failures that confirm DOWN (at least 1)
     * @param successesToUp consecutive successes that confirm UP again after DOWN (at least 1)
     */
    public Step next(Outcome outcome, Instant at, int failuresToDown, int successesToUp) {
        int toDown = Math.max(1, failuresToDown);
        int toUp = Math.max(1, successesToUp);
        switch (outcome) {
            case UNKNOWN:
                return new Step(this, Transition.NONE, false);
            case PASS: {
                int streak = successes + 1;
                if (state == MonitorState.DOWN) {
                    if (streak >= toUp) {
                        return new Step(new Verdict(MonitorState.UP, 0, streak, null), Transition.WENT_UP, false);
                    }
                    return new Step(new Verdict(MonitorState.DOWN, 0, streak, null), Transition.NONE, true);
                }
                Transition transition = state == MonitorState.UNKNOWN ? Transition.FIRST_UP : Transition.NONE;
                return new Step(new Verdict(MonitorState.UP, 0, streak, null), transition, false);
            }
            case FAIL: {
                int streak = failures + 1;
                Instant started = streak == 1 || streakStartedAt == null ? at : streakStartedAt;
                if (state == MonitorState.DOWN) {
                    return new Step(new Verdict(MonitorState.DOWN, streak, 0, started), Transition.NONE, false);
                }
                if (streak >= toDown) {
                    return new Step(new Verdict(MonitorState.DOWN, streak, 0, started), Transition.WENT_DOWN, false);
                }
                return new Step(new Verdict(state, streak, 0, started), Transition.NONE, true);
            }
            default:
                throw new IllegalArgumentException("outcome " + outcome);
        }
    }
}
