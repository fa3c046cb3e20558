package org.sitekeeper.notifications.api;

import java.time.Instant;
import java.util.List;

/**
 * A routing rule: which events go to which channels, how often.
 *
 * @param position rules are evaluated in this order; every matching rule sends
 * @param topics topic patterns ({@code *} matches within one level, {@code **} across levels), e.g.
 *     {@code sitekeeper/uptime/*}; empty matches every topic
 * @param minSeverity lowest severity that matches
 * @param siteIds only these sites (empty: any)
 * @param groups only sites in these groups (empty: any)
 * @param tags only sites with one of these tags (empty: any)
 * @param targets where to send
 * @param cooldownMinutes the same alert is not sent again through this rule within this many minutes
 * @param repeatMinutes an alert still firing is sent again after this many minutes; 0 never
 * @param groupWaitSeconds alerts for this rule arriving within this many seconds go out as one message
 * @param isDefault a default rule matches only events no other rule matched
 */
public record RuleDto(
        long id,
        String name,
        boolean enabled,
        int position,
        List<String> topics,
        String minSeverity,
        List<Long> siteIds,
        List<String> groups,
        List<String> tags,
        List<RuleTarget> targets,
        int cooldownMinutes,
        int repeatMinutes,
        int groupWaitSeconds,
        boolean isDefault,
        Instant createdAt,
        Instant updatedAt) {}
