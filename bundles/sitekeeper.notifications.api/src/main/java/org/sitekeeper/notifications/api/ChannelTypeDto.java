package org.sitekeeper.notifications.api;

import java.util.List;

/** A channel type the hub can send through now. */
public record ChannelTypeDto(String type, String title, boolean needsRecipients, List<ChannelField> fields) {}
