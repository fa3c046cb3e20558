package org.sitekeeper.notifications.api;

/**
 * The outcome of sending a test message through a channel now.
 *
 * @param deliveryId the delivery in the log
 * @param outcome {@code delivered}, {@code retry} (a temporary failure) or {@code failed}
 */
public record TestResult(long deliveryId, String outcome, String detail) {}
