package org.sitekeeper.telemetry.internal.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The released versions of the plugin for one CMS, and what they mean for an installation: the latest (the one
 * marked latest, else the highest release), whether an installed version is outdated, and the kind of upgrade
 * that brings it to the latest.
 */
public final class VersionRegistry {

    /** One registered release. */
    public record Release(Version version, boolean latest, boolean security) {}

    /** An installation's way up: to {@code target}, of {@code type}. */
    public record Upgrade(Version installed, Version target, UpgradeType type) {}

    private final List<Release> releases;

    public VersionRegistry(List<Release> releases) {
        this.releases = List.copyOf(releases);
    }

    /**
     * The version installations should run: the newest release marked latest; when none is marked, the highest
     * release that is not a pre-release; when there are only pre-releases, the highest of them.
     */
    public Optional<Version> latest() {
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
        Optional<Version> latest = latest();
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
}
