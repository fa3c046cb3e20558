package org.sitekeeper.notifications.api;

import java.util.List;

/**
 * Where a rule sends: a channel and, for channel types that need them, the recipients.
 *
 * @param channelId the channel
 * @param recipients e-mail addresses, phone numbers …; empty for Slack, webhooks and in-app
 */
public record RuleTarget(Long channelId, List<String> recipients) {}
