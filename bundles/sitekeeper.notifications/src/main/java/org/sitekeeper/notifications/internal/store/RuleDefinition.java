package org.sitekeeper.notifications.internal.store;

import java.util.List;

import org.sitekeeper.notifications.api.RuleTarget;

/** A rule's conditions and targets, stored as JSON (always read whole). */
public record RuleDefinition(
        List<String> topics,
        String minSeverity,
        List<Long> siteIds,
        List<String> groups,
        List<String> tags,
        List<RuleTarget> targets,
        int cooldownMinutes,
        int repeatMinutes,
        int groupWaitSeconds,
        boolean isDefault) {

    public RuleDefinition {
        topics = topics == null ? List.of() : List.copyOf(topics);
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        groups = groups == null ? List.of() : List.copyOf(groups);
        tags = tags == null ? List.of() : List.copyOf(tags);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
