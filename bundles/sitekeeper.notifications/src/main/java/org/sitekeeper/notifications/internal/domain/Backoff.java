package org.sitekeeper.notifications.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to try a delivery again: exponential from {@code base} (doubling per attempt) up to {@code max}, with
 * ±20 % jitter so that many deliveries failing together do not retry together. A receiver's {@code Retry-After}
 * is honoured (up to {@code max}), never shortened by jitter.
 */
public record Backoff(Duration base, Duration max, RandomGenerator random) {

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} failed attempts (1 or more). */
    public Duration after(int attempt, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        int exponent = Math.min(Math.max(attempt, 1) - 1, 30);
        double millis = Math.min((double) base.toMillis() * (1L << exponent), (double) max.toMillis());
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis(Math.max(1, Math.round(millis * jitter)));
    }

    /** When to try next, or {@code null} when that would pass the deadline (give up). */
    public Instant next(Instant now, int attempt, Duration retryAfter, Instant deadline) {
        Instant next = now.plus(after(attempt, retryAfter));
        return next.isAfter(deadline) ? null : next;
    }
}
