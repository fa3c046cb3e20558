package org.sitekeeper.notifications.api;

/**
 * An alert raised from outside the hub (a script, another monitoring system): posted as the event
 * {@code sitekeeper/external/<event>} and routed like any other.
 *
 * @param event upper-case event name, e.g. {@code ALERT}; {@code RESOLVED} or {@code UP} closes the alert
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param alertKey dedupe key (required)
 * @param siteId the site concerned, optional
 */
public record NewAlert(
        String event, String severity, String alertKey, Long siteId, String title, String message, String link) {}
