/**
 * Notifications: turns Sitekeeper events into messages people receive. {@link NotificationChannel} is the SPI
 * a channel type implements (email, Slack, webhook, SMS, in-app ship with the hub); {@link NotificationService}
 * manages channels, routing rules, silences, the delivery log and the in-app inbox.
 */
@Export
@Version("1.0.0")
package org.sitekeeper.notifications.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
