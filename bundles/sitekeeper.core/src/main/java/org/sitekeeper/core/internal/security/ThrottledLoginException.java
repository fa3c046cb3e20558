package org.sitekeeper.core.internal.security;

import java.time.Duration;
import javax.security.auth.login.AccountLockedException;

/** A log-in refused without checking the password because too many recent attempts failed. */
public final class ThrottledLoginException extends AccountLockedException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    public ThrottledLoginException(Duration retryAfter) {
        super("too many failed log-ins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
