package org.sitekeeper.telemetry.internal.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ToggleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Toggle toggle(ToggleKey key, boolean value, Instant expires, Instant setAt) {
        return new Toggle(key, value, "because", expires, "ops", setAt);
    }

    @Test
    void withNothingSetEveryKeyIsFalse() {
        assertThat(Toggle.reply(List.of(), NOW))
                .containsExactly(
                        entry("block_plugin", false),
                        entry("force_update", false),
                        entry("enable_debug", false),
                        entry("rate_limit", false));
    }

    @Test
    void aToggleIsInForceUntilItExpires() {
        Instant expires = NOW.plusSeconds(60);
        Toggle block = toggle(ToggleKey.BLOCK_PLUGIN, true, expires, NOW.minusSeconds(3600));
        assertThat(block.activeAt(NOW)).isTrue();
        assertThat(block.activeAt(expires.minusMillis(1))).isTrue();
        assertThat(block.activeAt(expires)).isFalse();
        assertThat(Toggle.reply(List.of(block), NOW)).containsEntry("block_plugin", true);
        assertThat(Toggle.reply(List.of(block), expires)).containsEntry("block_plugin", false);
        assertThat(toggle(ToggleKey.ENABLE_DEBUG, true, null, NOW).activeAt(NOW.plusSeconds(10L * 365 * 86400)))
                .isTrue();
    }

    @Test
    void theMostRecentSettingOfAKeyCounts() {
        Toggle on = toggle(ToggleKey.FORCE_UPDATE, true, null, NOW.minusSeconds(120));
        Toggle off = toggle(ToggleKey.FORCE_UPDATE, false, null, NOW.minusSeconds(60));
        assertThat(Toggle.reply(List.of(on, off), NOW)).containsEntry("force_update", false);
        assertThat(Toggle.reply(List.of(off, on), NOW)).containsEntry("force_update", false);
        // switched off until an expiry that passed: not on either
        Toggle expiredOff = toggle(ToggleKey.FORCE_UPDATE, false, NOW.minusSeconds(1), NOW.minusSeconds(30));
        assertThat(Toggle.reply(List.of(on, expiredOff), NOW)).containsEntry("force_update", false);
    }

    @Test
    void keysHaveTheSeedsWireNames() {
        assertThat(ToggleKey.fromWireName("block_plugin")).contains(ToggleKey.BLOCK_PLUGIN);
        assertThat(ToggleKey.fromWireName("rate_limit")).contains(ToggleKey.RATE_LIMIT);
        assertThat(ToggleKey.fromWireName("BLOCK_PLUGIN")).isEmpty();
        assertThat(ToggleKey.fromWireName(null)).isEmpty();
    }
}
