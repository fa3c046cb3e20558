package org.sitekeeper.notifications.internal.domain;

import java.time.Instant;

/**
 * What one rule has sent about one alert.
 *
 * @param notifiedFiring whether the firing alert was sent and not yet followed by its recovery
 * @param lastNotifiedAt when this rule last sent about the alert, or {@code null}
 */
public record RouteState(boolean notifiedFiring, Instant lastNotifiedAt) {

    public static final RouteState NEW = new RouteState(false, null);
}
