package org.sitekeeper.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down guessing: after {@code freeFailures} failed attempts for one key (an account from one client,
 * or one client), each further attempt must wait twice as long as the last (1 s, 2 s, 4 s … up to
 * {@code maxDelay}). A success clears the key; keys quiet for {@code forgetAfter} are forgotten. Memory is
 * bounded: the least recently used keys are dropped beyond {@code maxKeys}.
 */
final class LoginThrottle {

    private static final class State {
        int failures;
        Instant lastFailure;
        Instant blockedUntil;
    }

    private final Clock clock;
    private final int freeFailures;
    private final Duration maxDelay;
    private final Duration forgetAfter;
    private final Map<String, State> states;

    LoginThrottle(Clock clock, int freeFailures, Duration maxDelay, Duration forgetAfter, int maxKeys) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.maxDelay = maxDelay;
        this.forgetAfter = forgetAfter;
        this.states = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** How long {@code key} must still wait, or empty when it may try now. */
    synchronized Optional<Duration> blockedFor(String key) {
        State state = current(key);
        if (state == null || state.blockedUntil == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), state.blockedUntil);
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    synchronized void failure(String key) {
        Instant now = clock.instant();
        State state = current(key);
        if (state == null) {
            state = new State();
            states.put(key, state);
        }
        state.failures++;
        state.lastFailure = now;
        int excess = state.failures - freeFailures; // the free failures used up: every further try waits
        if (excess >= 0) {
            long seconds = 1L << Math.min(excess, 30);
            Duration delay = Duration.ofSeconds(seconds);
            state.blockedUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        }
    }

    synchronized void success(String key) {
        states.remove(key);
    }

    synchronized int trackedKeys() {
        return states.size();
    }

    private State current(String key) {
        State state = states.get(key);
        if (state != null
                && Duration.between(state.lastFailure, clock.instant()).compareTo(forgetAfter) > 0) {
            states.remove(key);
            return null;
        }
        return state;
    }
}
