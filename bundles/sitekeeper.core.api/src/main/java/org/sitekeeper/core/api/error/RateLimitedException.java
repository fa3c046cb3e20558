package org.sitekeeper.core.api.error;

import java.time.Duration;

/** Too many requests or failed attempts: HTTP 429 with {@code Retry-After}. */
public class RateLimitedException extends SitekeeperException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super("rate_limited", message, null);
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait, at least one second. */
    public Duration retryAfter() {
        return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }

    @Override
    public int status() {
        return 429;
    }
}
