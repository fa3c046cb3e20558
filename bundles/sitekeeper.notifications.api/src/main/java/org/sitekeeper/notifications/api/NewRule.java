package org.sitekeeper.notifications.api;

import java.util.List;

/**
 * A rule to create, or (for updates) the rule's new definition; see {@link RuleDto} for the meaning. Absent
 * components take their defaults: enabled, position after the last rule, every topic, severity {@code warning} and up (recoveries always),
 * cooldown 10 minutes, repeat every 240 minutes, group wait 5 seconds, not default.
 */
public record NewRule(
        String name,
        Boolean enabled,
        Integer position,
        List<String> topics,
        String minSeverity,
        List<Long> siteIds,
        List<String> groups,
        List<String> tags,
        List<RuleTarget> targets,
        Integer cooldownMinutes,
        Integer repeatMinutes,
        Integer groupWaitSeconds,
        Boolean isDefault) {}
