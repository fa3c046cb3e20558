package org.sitekeeper.rest.internal;

import java.io.IOException;

/** The request body passed the configured limit while it was read. */
final class PayloadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
