package org.sitekeeper.telemetry.internal.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sitekeeper.telemetry.internal.domain.VersionRegistry.Release;

import static org.assertj.core.api.Assertions.assertThat;

class VersionRegistryTest {

    private static Release release(String v) {
        return new Release(Version.of(v), false, false);
    }

    private static Release latest(String v) {
        return new Release(Version.of(v), true, false);
    }

    private static Release security(String v) {
        return new Release(Version.of(v), false, true);
    }

    private static UpgradeType type(VersionRegistry registry, String installed) {
        return registry.upgradeFor(Version.of(installed))
                .map(VersionRegistry.Upgrade::type)
                .orElse(null);
    }

    @Test
    void seedExamplesGiveTheirTypesChannelsAndPriorities() {
        // seed 002's table: patch 1.2.0 → 1.2.1, minor 1.2.x → 1.3.x, major 1.x → 2.x
        assertThat(type(new VersionRegistry(List.of(latest("1.2.1"))), "1.2.0")).isEqualTo(UpgradeType.PATCH);
        assertThat(type(new VersionRegistry(List.of(latest("1.3.5"))), "1.2.0")).isEqualTo(UpgradeType.MINOR);
        assertThat(type(new VersionRegistry(List.of(latest("2.0.0"))), "1.9.3")).isEqualTo(UpgradeType.MAJOR);

        assertThat(UpgradeType.PATCH.channels()).containsExactly("in-app");
        assertThat(UpgradeType.PATCH.priority()).isEqualTo("low");
        assertThat(UpgradeType.MINOR.channels()).containsExactly("email", "in-app");
        assertThat(UpgradeType.MINOR.priority()).isEqualTo("normal");
        assertThat(UpgradeType.MAJOR.channels()).containsExactly("email", "in-app");
        assertThat(UpgradeType.MAJOR.priority()).isEqualTo("high");
        assertThat(UpgradeType.SECURITY.channels()).containsExactly("email", "sms");
        assertThat(UpgradeType.SECURITY.priority()).isEqualTo("critical");
    }

    @Test
    void aSecurityReleaseOnTheWayMakesAnyUpgradeASecurityOne() {
        VersionRegistry registry =
                new VersionRegistry(List.of(release("1.2.0"), security("1.2.1"), release("1.3.0"), latest("2.0.0")));
        assertThat(type(registry, "1.2.0")).isEqualTo(UpgradeType.SECURITY);
        assertThat(type(registry, "1.1.9")).isEqualTo(UpgradeType.SECURITY);
        // already past the security fix: an ordinary major upgrade
        assertThat(type(registry, "1.2.1")).isEqualTo(UpgradeType.MAJOR);
        assertThat(type(registry, "1.3.0")).isEqualTo(UpgradeType.MAJOR);
        assertThat(type(registry, "2.0.0")).isNull();
    }

    @Test
    void aSecurityReleaseAfterTheLatestDoesNotCount() {
        // a security build registered ahead of time (not yet the latest) is not where installs are sent
        VersionRegistry registry = new VersionRegistry(List.of(latest("1.3.0"), security("1.4.0-rc.1")));
        assertThat(type(registry, "1.2.0")).isEqualTo(UpgradeType.MINOR);
    }

    @Test
    void upToDateAndNewerThanLatestAreNotOutdated() {
        VersionRegistry registry = new VersionRegistry(List.of(release("1.2.0"), latest("1.3.5")));
        assertThat(registry.isOutdated(Version.of("1.3.5"))).isFalse();
        assertThat(registry.isOutdated(Version.of("1.3.5+build.2"))).isFalse();
        assertThat(registry.isOutdated(Version.of("1.4.0-beta"))).isFalse(); // a beta tester
        assertThat(registry.isOutdated(Version.of("1.3.4"))).isTrue();
        assertThat(registry.isOutdated(Version.of("1.3.5-rc.2"))).isTrue();
    }

    @Test
    void versionTextsAsHeartbeatsSendThemGiveTheSameAnswersAsParsedVersions() {
        VersionRegistry registry = new VersionRegistry(List.of(release("1.2.0"), security("1.2.1"), latest("1.3.5")));
        for (String text : List.of("1.2.0", "v1.2.0", "1.3.5", "1.3.5+build.7", "1.4.0", "1.3.5-rc.1", "0.9.0")) {
            boolean expected = registry.isOutdated(Version.of(text));
            assertThat(registry.isOutdated(text)).as(text).isEqualTo(expected);
            assertThat(registry.isOutdated(text)).as(text + ", remembered").isEqualTo(expected);
        }
        assertThat(registry.isOutdated("not a version")).isFalse();
        assertThat(registry.isOutdated((String) null)).isFalse();
        assertThat(new VersionRegistry(List.of()).isOutdated("1.0.0")).isFalse();
    }

    @Test
    void theMemoryOfVersionTextsIsBoundedAndAnswersStayRightBeyondIt() {
        VersionRegistry registry = new VersionRegistry(List.of(latest("5.0.0")));
        for (int i = 0; i < VersionRegistry.MEMO_MAX + 500; i++) {
            String text = (i % 7) + "." + i + ".0";
            assertThat(registry.isOutdated(text)).as(text).isEqualTo(i % 7 < 5);
        }
    }

    @Test
    void theLatestIsTheNewestMarkedElseTheHighestReleaseElseTheHighestPreRelease() {
        assertThat(new VersionRegistry(List.of(latest("1.3.0"), release("1.4.0"))).latest())
                .contains(Version.of("1.3.0"));
        assertThat(new VersionRegistry(List.of(latest("1.3.0"), latest("1.2.0"))).latest())
                .contains(Version.of("1.3.0"));
        assertThat(new VersionRegistry(List.of(release("1.3.0"), release("1.10.0"), release("2.0.0-rc.1"))).latest())
                .contains(Version.of("1.10.0"));
        assertThat(new VersionRegistry(List.of(release("2.0.0-rc.1"), release("2.0.0-beta"))).latest())
                .contains(Version.of("2.0.0-rc.1"));
        assertThat(new VersionRegistry(List.of()).latest()).isEmpty();
        assertThat(new VersionRegistry(List.of()).upgradeFor(Version.of("1.0.0")))
                .isEmpty();
    }

    @Test
    void theUpgradeNamesWhereFromAndWhereTo() {
        VersionRegistry.Upgrade upgrade = new VersionRegistry(List.of(latest("1.3.5")))
                .upgradeFor(Version.of("1.2.0"))
                .orElseThrow();
        assertThat(upgrade.installed()).isEqualTo(Version.of("1.2.0"));
        assertThat(upgrade.target()).isEqualTo(Version.of("1.3.5"));
        assertThat(upgrade.type().wireName()).isEqualTo("minor");
    }

    @Test
    void betweenPreReleasesOfOneVersionIsAPatch() {
        assertThat(UpgradeType.between(Version.of("2.0.0-beta"), Version.of("2.0.0"), false))
                .contains(UpgradeType.PATCH);
        assertThat(UpgradeType.between(Version.of("2.0.0"), Version.of("2.0.0-beta"), true))
                .isEmpty();
    }
}
