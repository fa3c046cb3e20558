package org.sitekeeper.notifications.internal.store;

import java.util.List;

import org.sitekeeper.notifications.api.Recurrence;

/** What a silence covers and its weekly schedule, stored as JSON. */
public record SilenceDefinition(List<Long> siteIds, List<String> groups, List<String> topics, Recurrence recurrence) {

    public SilenceDefinition {
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        groups = groups == null ? List.of() : List.copyOf(groups);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
