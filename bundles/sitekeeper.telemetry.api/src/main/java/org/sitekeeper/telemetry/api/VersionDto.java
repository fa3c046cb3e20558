package org.sitekeeper.telemetry.api;

import java.time.Instant;

/** A version in the registry; {@code latest} says whether it is the version installs are compared with. */
public record VersionDto(
        String cms,
        String version,
        boolean isLatest,
        boolean isSecurity,
        String releaseNotes,
        Instant releasedAt,
        boolean latest,
        long installations,
        Instant createdAt) {}
