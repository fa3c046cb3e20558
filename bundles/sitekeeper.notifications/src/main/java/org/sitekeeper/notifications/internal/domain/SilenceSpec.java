package org.sitekeeper.notifications.internal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A silence or maintenance window as matching uses it. */
public record SilenceSpec(
        long id, String kind, Set<Long> siteIds, Set<String> groups, List<TopicPattern> topics, Window window) {

    public static final String SILENCE = "silence";
    public static final String MAINTENANCE = "maintenance";

    public SilenceSpec {
        siteIds = Set.copyOf(siteIds);
        groups = Set.copyOf(groups);
        topics = List.copyOf(topics);
    }

    /** Whether it suppresses this alert (about {@code site}, which may be {@code null}) at {@code at}. */
    public boolean covers(AlertEvent alert, SiteFacts site, Instant at) {
        return covers(alert.siteId(), site, alert.topic(), at);
    }

    public boolean covers(Long siteId, SiteFacts site, String topic, Instant at) {
        if (!window.activeAt(at)) {
            return false;
        }
        if (!siteIds.isEmpty() && (siteId == null || !siteIds.contains(siteId))) {
            return false;
        }
        if (!groups.isEmpty() && (site == null || site.group() == null || !groups.contains(site.group()))) {
            return false;
        }
        return topics.isEmpty() || (topic != null && topics.stream().anyMatch(p -> p.matches(topic)));
    }
}
