package org.sitekeeper.telemetry.internal.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The released versions of the plugin for one CMS, and what they mean for an installation: the latest (the one
 * marked latest, else the highest release), whether an installed version is outdated, and the kind of upgrade
 * that brings it to the latest. Immutable: a change of releases makes a new registry, so the latest version is
 * worked out once and the answer for a version as a heartbeat sends it is remembered (for a bounded number of
 * texts: a fleet runs a handful of versions).
 */
public final class VersionRegistry {

    /** One registered release. */
    public record Release(Version version, boolean latest, boolean security) {}

    /** An installation's way up: to {@code target}, of {@code type}. */
    public record Upgrade(Version installed, Version target, UpgradeType type) {}

    /** Version texts whose answer is remembered at most. */
    static final int MEMO_MAX = 1024;

    private final List<Release> releases;
    private final Optional<Version> latest;
    private final Map<String, Boolean> outdatedByText = new ConcurrentHashMap<>();

    public VersionRegistry(List<Release> releases) {
        this.releases = List.copyOf(releases);
        this.latest = findLatest(this.releases);
    }

    /**
     * The version installations should run: the newest release marked latest; when none is marked, the highest
     * release that is not a pre-release; when there are only pre-releases, the highest of them.
     */
    public Optional<Version> latest() {
        return latest;
    }

    private static Optional<Version> findLatest(List<Release> releases) {
        Optional<Version> marked =
                releases.stream().filter(Release::latest).map(Release::version).max(Comparator.naturalOrder());
        if (marked.isPresent()) {
            return marked;
        }
        Optional<Version> release = releases.stream()
                .map(Release::version)
                .filter(v -> !v.isPreRelease())
                .max(Comparator.naturalOrder());
        return release.isPresent()
                ? release
                : releases.stream().map(Release::version).max(Comparator.naturalOrder());
    }

    /** The upgrade that brings {@code installed} to the latest version, or empty when it is up to date. */
    public Optional<Upgrade> upgradeFor(Version installed) {
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Version target = latest.get();
        boolean security = releases.stream()
                .filter(Release::security)
                .map(Release::version)
                .anyMatch(v -> v.isNewerThan(installed) && v.compareTo(target) <= 0);
        return UpgradeType.between(installed, target, security).map(type -> new Upgrade(installed, target, type));
    }

    /** Whether {@code installed} is older than the latest version. */
    public boolean isOutdated(Version installed) {
        return upgradeFor(installed).isPresent();
    }

    /** Whether the version {@code text} (as an installation reports it) is outdated; not a version: false. */
    public boolean isOutdated(String text) {
        if (latest.isEmpty() || text == null) {
            return false;
        }
        Boolean known = outdatedByText.get(text);
        if (known != null) {
            return known;
        }
        boolean outdated = Version.parse(text).map(this::isOutdated).orElse(false);
        if (outdatedByText.size() < MEMO_MAX) {
            outdatedByText.put(text, outdated);
        }
        return outdated;
    }
}
