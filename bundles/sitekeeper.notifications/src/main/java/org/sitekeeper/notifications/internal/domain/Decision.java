package org.sitekeeper.notifications.internal.domain;

/**
 * What to do with an alert for one rule.
 *
 * @param action send it, record it as suppressed by a silence, or skip it (deduplicated)
 * @param kind the message kind when sending or suppressing: {@code alert}, {@code recovery} or {@code repeat}
 * @param state the rule's state for the alert afterwards
 * @param reason why it was skipped or suppressed, for the log
 */
public record Decision(Action action, String kind, RouteState state, String reason) {

    /** The three outcomes. */
    public enum Action {
        SEND,
        SUPPRESS,
        SKIP
    }
}
