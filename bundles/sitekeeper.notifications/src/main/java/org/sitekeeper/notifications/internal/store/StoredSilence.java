package org.sitekeeper.notifications.internal.store;

import java.time.Instant;

/** A silence or maintenance window as stored. */
public record StoredSilence(
        long id,
        String kind,
        String reason,
        SilenceDefinition definition,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        Instant createdAt) {

    static StoredSilence of(SilenceEntity e) {
        return new StoredSilence(
                e.id,
                e.kind,
                e.reason,
                Json.read(e.definition, SilenceDefinition.class),
                Instant.ofEpochMilli(e.startsAt),
                e.endsAt == null ? null : Instant.ofEpochMilli(e.endsAt),
                e.createdBy,
                Instant.ofEpochMilli(e.createdAt));
    }
}
