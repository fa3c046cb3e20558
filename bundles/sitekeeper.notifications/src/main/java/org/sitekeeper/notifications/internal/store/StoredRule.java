package org.sitekeeper.notifications.internal.store;

import java.time.Instant;

import org.sitekeeper.notifications.api.RuleDto;

/** A routing rule as stored. */
public record StoredRule(
        long id,
        String name,
        boolean enabled,
        int position,
        RuleDefinition definition,
        Instant createdAt,
        Instant updatedAt) {

    public RuleDto toDto() {
        return new RuleDto(
                id,
                name,
                enabled,
                position,
                definition.topics(),
                definition.minSeverity(),
                definition.siteIds(),
                definition.groups(),
                definition.tags(),
                definition.targets(),
                definition.cooldownMinutes(),
                definition.repeatMinutes(),
                definition.groupWaitSeconds(),
                definition.isDefault(),
                createdAt,
                updatedAt);
    }

    static StoredRule of(RuleEntity e) {
        return new StoredRule(
                e.id,
                e.name,
                e.enabled,
                e.position,
                Json.read(e.definition, RuleDefinition.class),
                Instant.ofEpochMilli(e.createdAt),
                Instant.ofEpochMilli(e.updatedAt));
    }
}
