package org.sitekeeper.core.api.error;

import java.time.Duration;
import java.util.Optional;

/** A dependency (database, scheduler, a remote system) is down, or the hub is beyond capacity: HTTP 503. */
public class UnavailableException extends SitekeeperException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public UnavailableException(String message) {
        this(message, null);
    }

    /** With a hint when to try again, sent as {@code Retry-After}. */
    public UnavailableException(String message, Duration retryAfter) {
        super("unavailable", message, null);
        this.retryAfter = retryAfter;
    }

    /** How long the caller should wait (at least one second), when the hub knows. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter)
                .map(d -> d.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : d);
    }

    @Override
    public int status() {
        return 503;
    }
}
