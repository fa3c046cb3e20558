package org.sitekeeper.notifications.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofHours(1);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    /** A generator whose {@code nextDouble()} is always {@code value}: 0.5 means no jitter. */
    private static RandomGenerator always(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static Backoff withoutJitter() {
        return new Backoff(BASE, MAX, always(0.5));
    }

    @Test
    void theDelayDoublesFromTheBaseWithEachFailedAttempt() {
        Backoff backoff = withoutJitter();

        assertThat(backoff.after(1, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2, null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(3, null)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.after(7, null)).isEqualTo(Duration.ofSeconds(1920));
    }

    @Test
    void theDelayIsCappedAtTheMaximum() {
        Backoff backoff = withoutJitter();

        assertThat(backoff.after(8, null)).isEqualTo(MAX);
        assertThat(backoff.after(31, null)).isEqualTo(MAX);
        assertThat(backoff.after(Integer.MAX_VALUE, null)).isEqualTo(MAX);
    }

    @Test
    void anAttemptBelowOneCountsAsTheFirst() {
        Backoff backoff = withoutJitter();

        assertThat(backoff.after(0, null)).isEqualTo(BASE);
        assertThat(backoff.after(-5, null)).isEqualTo(BASE);
    }

    @Test
    void theDelayIsAtLeastOneMillisecond() {
        assertThat(new Backoff(Duration.ZERO, MAX, always(0.0)).after(1, null)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void jitterReachesTwentyPercentEitherWayButNoFurther() {
        assertThat(new Backoff(BASE, MAX, always(0.0)).after(2, null)).isEqualTo(Duration.ofSeconds(48));
        assertThat(new Backoff(BASE, MAX, always(Math.nextDown(1.0))).after(2, null))
                .isEqualTo(Duration.ofSeconds(72));
        assertThat(new Backoff(BASE, MAX, always(0.0)).after(20, null)).isEqualTo(Duration.ofMinutes(48));
        assertThat(new Backoff(BASE, MAX, always(Math.nextDown(1.0))).after(20, null))
                .isEqualTo(Duration.ofMinutes(72));
    }

    @Test
    void jitteredDelaysStayWithinTwentyPercentOfTheNominalDelayAndSpreadOut() {
        Backoff backoff = new Backoff(BASE, MAX, new Random(20260301L));

        for (int attempt = 1; attempt <= 10; attempt++) {
            long nominal = Math.min(BASE.toMillis() << (attempt - 1), MAX.toMillis());
            Set<Duration> seen = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                Duration delay = backoff.after(attempt, null);
                assertThat(delay.toMillis()).isBetween(Math.round(nominal * 0.8), Math.round(nominal * 1.2));
                seen.add(delay);
            }
            assertThat(seen).as("distinct delays for attempt %d", attempt).hasSizeGreaterThan(100);
        }
    }

    @Test
    void retryAfterIsHonouredWithoutJitter() {
        Backoff backoff = new Backoff(BASE, MAX, always(0.0));

        assertThat(backoff.after(1, Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(90));
        assertThat(backoff.after(5, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(1, Duration.ZERO)).isEqualTo(Duration.ZERO);
    }

    @Test
    void retryAfterIsCappedAtTheMaximum() {
        assertThat(withoutJitter().after(1, Duration.ofDays(2))).isEqualTo(MAX);
    }

    @Test
    void aNegativeRetryAfterIsIgnored() {
        assertThat(withoutJitter().after(2, Duration.ofSeconds(-10))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void nextIsNowPlusTheDelay() {
        Instant deadline = NOW.plus(Duration.ofDays(1));

        assertThat(withoutJitter().next(NOW, 3, null, deadline)).isEqualTo(NOW.plusSeconds(120));
        assertThat(withoutJitter().next(NOW, 3, Duration.ofSeconds(7), deadline))
                .isEqualTo(NOW.plusSeconds(7));
    }

    @Test
    void nextMayFallExactlyOnTheDeadline() {
        assertThat(withoutJitter().next(NOW, 1, null, NOW.plusSeconds(30))).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void nextIsNullWhenTheRetryWouldPassTheDeadline() {
        assertThat(withoutJitter().next(NOW, 1, null, NOW.plusSeconds(29))).isNull();
        assertThat(withoutJitter().next(NOW, 1, Duration.ofMinutes(5), NOW.plusSeconds(299)))
                .isNull();
        assertThat(withoutJitter().next(NOW, 1, null, NOW.minusSeconds(1))).isNull();
    }
}
