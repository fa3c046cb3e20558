package org.sitekeeper.telemetry.api;

/** Registers a version (seed 002's registry): {@code released_at} ISO-8601, optional. */
public record NewVersion(
        String cms, String version, Boolean isLatest, Boolean isSecurity, String releaseNotes, String releasedAt) {}
