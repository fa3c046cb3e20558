package org.sitekeeper.telemetry.internal.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket for one installation under a {@code rate_limit} toggle: {@code perMinute} requests a minute, in
 * bursts of at most that many. Thread-safe; time comes from the caller (nanoseconds of any monotonic clock).
 */
public final class RateLimiter {

    private final int perMinute;
    private double tokens;
    private long lastNanos;

    public RateLimiter(int perMinute, long nowNanos) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
        this.perMinute = perMinute;
        this.tokens = perMinute;
        this.lastNanos = nowNanos;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one token; answers empty when allowed, else how long until a token is back. */
    public synchronized Optional<Duration> acquire(long nowNanos) {
        double perNano = perMinute / 60_000_000_000.0;
        tokens = Math.min(perMinute, tokens + Math.max(0, nowNanos - lastNanos) * perNano);
        lastNanos = nowNanos;
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return Optional.empty();
        }
        long wait = (long) Math.ceil((1.0 - tokens) / perNano);
        return Optional.of(Duration.ofNanos(wait));
    }
}
