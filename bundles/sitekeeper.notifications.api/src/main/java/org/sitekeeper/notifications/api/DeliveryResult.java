package org.sitekeeper.notifications.api;

import java.time.Duration;

/** How one attempt to deliver went. */
public sealed interface DeliveryResult {

    /** Accepted by the receiving end. */
    record Delivered(String detail) implements DeliveryResult {}

    /**
     * Not delivered now, worth trying again: after {@code after} when the other end said so
     * ({@code Retry-After}), else after the hub's backoff.
     */
    record Retry(String reason, Duration after) implements DeliveryResult {}

    /** Will not work by trying again (bad settings, refused recipient, address not allowed). */
    record Failed(String reason) implements DeliveryResult {}

    static DeliveryResult delivered(String detail) {
        return new Delivered(detail);
    }

    static DeliveryResult retry(String reason) {
        return new Retry(reason, null);
    }

    static DeliveryResult retryAfter(String reason, Duration after) {
        return new Retry(reason, after);
    }

    static DeliveryResult failed(String reason) {
        return new Failed(reason);
    }
}
