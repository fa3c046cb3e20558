package org.sitekeeper.notifications.internal.store;

import java.time.Instant;

import org.sitekeeper.notifications.internal.domain.AlertEvent;

/** An alert still firing that a rule has sent, for reminders. */
public record FiringRoute(long alertId, long ruleId, Instant lastNotifiedAt, AlertEvent event) {}
