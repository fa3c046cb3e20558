package org.sitekeeper.telemetry.internal.domain;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstallStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration STALE = InstallStatus.DEFAULT_STALE_AFTER;

    @Test
    void staleMeansNoHeartbeatForMoreThan48Hours() {
        assertThat(STALE).isEqualTo(Duration.ofHours(48));
        assertThat(InstallStatus.isStale(NOW.minus(STALE), NOW, STALE)).isFalse();
        assertThat(InstallStatus.isStale(NOW.minus(STALE).minusSeconds(1), NOW, STALE))
                .isTrue();
        assertThat(InstallStatus.isStale(NOW.minusSeconds(60), NOW, STALE)).isFalse();
        assertThat(InstallStatus.isStale(null, NOW, STALE)).isTrue();
    }

    @Test
    void blockedBeatsStaleBeatsOutdatedBeatsActive() {
        Instant fresh = NOW.minusSeconds(300);
        Instant old = NOW.minus(Duration.ofDays(3));
        assertThat(InstallStatus.of(true, old, NOW, STALE, true)).isEqualTo(InstallStatus.BLOCKED);
        assertThat(InstallStatus.of(false, old, NOW, STALE, true)).isEqualTo(InstallStatus.ERROR);
        assertThat(InstallStatus.of(false, fresh, NOW, STALE, true)).isEqualTo(InstallStatus.OUTDATED);
        assertThat(InstallStatus.of(false, fresh, NOW, STALE, false)).isEqualTo(InstallStatus.ACTIVE);
        assertThat(InstallStatus.ERROR.wireName()).isEqualTo("error");
    }

    @Test
    void theStaleLimitIsConfigurable() {
        Duration hour = Duration.ofHours(1);
        assertThat(InstallStatus.of(false, NOW.minusSeconds(3601), NOW, hour, false))
                .isEqualTo(InstallStatus.ERROR);
        assertThat(InstallStatus.of(false, NOW.minusSeconds(3599), NOW, hour, false))
                .isEqualTo(InstallStatus.ACTIVE);
    }
}
