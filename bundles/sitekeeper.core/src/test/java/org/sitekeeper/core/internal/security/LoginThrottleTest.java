package org.sitekeeper.core.internal.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.internal.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private static final String KEY = "alice|203.0.113.9";

    private final MutableClock clock = MutableClock.at("2026-05-01T12:00:00Z");
    private final LoginThrottle throttle =
            new LoginThrottle(clock, 3, Duration.ofSeconds(10), Duration.ofMinutes(30), 100);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            throttle.failure(KEY);
        }
    }

    @Test
    void unknownKeyMayTry() {
        assertThat(throttle.blockedFor(KEY)).isEmpty();
    }

    @Test
    void failuresWithinTheFreeOnesDoNotBlock() {
        fail(2);

        assertThat(throttle.blockedFor(KEY)).isEmpty();
    }

    @Test
    void theTryAfterTheFreeFailuresAlreadyWaitsAndDelaysDouble() {
        fail(3);
        assertThat(throttle.blockedFor(KEY)).contains(Duration.ofSeconds(1));

        fail(1);
        assertThat(throttle.blockedFor(KEY)).contains(Duration.ofSeconds(2));

        fail(1);
        assertThat(throttle.blockedFor(KEY)).contains(Duration.ofSeconds(4));

        fail(1);
        assertThat(throttle.blockedFor(KEY)).contains(Duration.ofSeconds(8));
    }

    @Test
    void delayIsCappedAtTheMaximum() {
        fail(20);

        assertThat(throttle.blockedFor(KEY)).contains(Duration.ofSeconds(10));
    }

    @Test
    void manyFailuresDoNotOverflowTheDelay() {
        fail(200);

        assertThat(throttle.blockedFor(KEY)).contains(Duration.ofSeconds(10));
    }

    @Test
    void blockShrinksAsTimePassesAndThenEnds() {
        fail(5); // 4 s

        clock.advance(Duration.ofMillis(2500));
        assertThat(throttle.blockedFor(KEY)).contains(Duration.ofMillis(1500));

        clock.advance(Duration.ofMillis(1500));
        assertThat(throttle.blockedFor(KEY)).isEmpty();
    }

    @Test
    void successClearsTheKey() {
        fail(5);

        throttle.success(KEY);

        assertThat(throttle.blockedFor(KEY)).isEmpty();
        assertThat(throttle.trackedKeys()).isZero();
        fail(2);
        assertThat(throttle.blockedFor(KEY)).isEmpty();
    }

    @Test
    void keysAreIndependent() {
        fail(10);

        assertThat(throttle.blockedFor("bob|203.0.113.9")).isEmpty();
    }

    @Test
    void forgetsKeysQuietForLongEnough() {
        fail(3);
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));

        throttle.failure(KEY);

        assertThat(throttle.blockedFor(KEY)).as("the count started again").isEmpty();
    }

    @Test
    void remembersKeysNotQuietForLongEnough() {
        fail(2);
        clock.advance(Duration.ofMinutes(30));

        throttle.failure(KEY);

        assertThat(throttle.blockedFor(KEY)).contains(Duration.ofSeconds(1));
    }

    @Test
    void boundsTheNumberOfKeysDroppingTheLeastRecentlyUsed() {
        LoginThrottle small = new LoginThrottle(clock, 0, Duration.ofSeconds(10), Duration.ofMinutes(30), 3);
        small.failure("a");
        small.failure("b");
        small.failure("c");
        small.blockedFor("a"); // a is now more recent than b

        small.failure("d");

        assertThat(small.trackedKeys()).isEqualTo(3);
        assertThat(small.blockedFor("b")).isEmpty();
        assertThat(small.blockedFor("a")).isPresent();
        assertThat(small.blockedFor("d")).isPresent();
    }
}
