package org.sitekeeper.notifications.internal.domain;

import java.time.Instant;

/**
 * Deduplication per alert key and rule, Alertmanager-style:
 *
 * <ul>
 *   <li>a firing alert is sent, then not again through the same rule within the rule's cooldown;</li>
 *   <li>a recovery is sent once, and only if its firing alert was sent;</li>
 *   <li>an alert still firing is sent again after the rule's repeat interval ({@link #repeatDue});</li>
 *   <li>while a silence covers it, a message that would be sent is recorded as suppressed instead, and the
 *       alert counts as not sent (so it goes out once the silence ends and the alert fires again).</li>
 * </ul>
 */
public final class NotificationPolicy {

    public static final String ALERT = "alert";
    public static final String RECOVERY = "recovery";
    public static final String REPEAT = "repeat";

    private NotificationPolicy() {}

    public static Decision decide(AlertEvent alert, RuleSpec rule, RouteState state, boolean silenced, Instant now) {
        if (alert.recovery()) {
            if (!state.notifiedFiring()) {
                return new Decision(
                        Decision.Action.SKIP, RECOVERY, state, "the alert was not sent, so neither is its recovery");
            }
            RouteState closed = new RouteState(false, now);
            return silenced
                    ? new Decision(Decision.Action.SUPPRESS, RECOVERY, closed, "silenced")
                    : new Decision(Decision.Action.SEND, RECOVERY, closed, null);
        }
        if (state.notifiedFiring()
                && state.lastNotifiedAt() != null
                && now.isBefore(state.lastNotifiedAt().plus(rule.cooldown()))) {
            return new Decision(Decision.Action.SKIP, ALERT, state, "within the cooldown of rule " + rule.name());
        }
        if (silenced) {
            return new Decision(Decision.Action.SUPPRESS, ALERT, state, "silenced");
        }
        return new Decision(Decision.Action.SEND, ALERT, new RouteState(true, now), null);
    }

    /** Whether a still-firing alert is due to be sent again through {@code rule}. */
    public static boolean repeatDue(RuleSpec rule, RouteState state, Instant now) {
        return state.notifiedFiring()
                && !rule.repeat().isZero()
                && state.lastNotifiedAt() != null
                && !now.isBefore(state.lastNotifiedAt().plus(rule.repeat()));
    }
}
