package org.sitekeeper.notifications.internal.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.sitekeeper.notifications.internal.domain.AlertEvent;
import org.sitekeeper.notifications.internal.domain.RouteState;

/** What intake does inside one transaction: alerts, what each rule has sent about them, and new deliveries. */
public interface AlertTx {

    /** Records a firing event: creates the alert or counts another occurrence (reopening a resolved one). */
    long fire(AlertEvent event, Instant now);

    /** Records a recovery: resolves the alert when it is known; empty when it is not. */
    Optional<Long> resolve(AlertEvent event, Instant now);

    /** What each rule has sent about an alert, by rule id. */
    Map<Long, RouteState> routeStates(long alertId);

    void saveRouteState(long alertId, long ruleId, RouteState state);

    /**
     * Moves a reminder's route state on, if it is still what the caller saw.
     *
     * @return false when another node got there first
     */
    boolean advanceRouteState(long alertId, long ruleId, Instant expectedLastNotifiedAt, Instant now);

    /** Puts a message in the outbox (or records a suppressed one); returns its id. */
    long insert(NewDelivery delivery);
}
