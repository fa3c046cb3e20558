package org.sitekeeper.notifications.internal.domain;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.notifications.api.RuleTarget;

/** A routing rule, validated, as routing uses it. */
public record RuleSpec(
        long id,
        String name,
        boolean enabled,
        int position,
        List<TopicPattern> topics,
        Severity minSeverity,
        Set<Long> siteIds,
        Set<String> groups,
        Set<String> tags,
        List<RuleTarget> targets,
        Duration cooldown,
        Duration repeat,
        Duration groupWait,
        boolean isDefault) {

    public RuleSpec {
        topics = List.copyOf(topics);
        siteIds = Set.copyOf(siteIds);
        groups = Set.copyOf(groups);
        tags = Set.copyOf(tags);
        targets = List.copyOf(targets);
    }

    /**
     * Whether the alert (about {@code site}, which may be {@code null}) matches this rule's conditions. A recovery
     * matches wherever its alert could have: whatever its severity, and through the topic patterns of its
     * capability's other events ({@code sitekeeper/uptime/UP} through {@code sitekeeper/uptime/DOWN}).
     */
    public boolean matches(AlertEvent alert, SiteFacts site) {
        if (!enabled) {
            return false;
        }
        if (!topics.isEmpty() && topics.stream().noneMatch(p -> topicMatches(p, alert))) {
            return false;
        }
        if (!alert.recovery() && !alert.severity().implies(minSeverity)) {
            return false;
        }
        if (!siteIds.isEmpty() && (alert.siteId() == null || !siteIds.contains(alert.siteId()))) {
            return false;
        }
        if (!groups.isEmpty() && (site == null || site.group() == null || !groups.contains(site.group()))) {
            return false;
        }
        return tags.isEmpty() || (site != null && site.tags().stream().anyMatch(tags::contains));
    }

    private static boolean topicMatches(TopicPattern pattern, AlertEvent alert) {
        return alert.recovery() ? pattern.mayMatchSiblingOf(alert.topic()) : pattern.matches(alert.topic());
    }
}
