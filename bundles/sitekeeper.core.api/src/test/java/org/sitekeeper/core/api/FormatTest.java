package org.sitekeeper.core.api;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    private static final Instant NOW = Instant.parse("2026-11-22T03:24:00Z");

    @Test
    void instantIsUtcToTheSecond() {
        assertThat(Format.instant(Instant.parse("2026-11-22T03:24:00.789Z"))).isEqualTo("2026-11-22 03:24:00Z");
    }

    @Test
    void missingInstantIsADash() {
        assertThat(Format.instant(null)).isEqualTo("-");
    }

    @Test
    void agoSaysJustNowUnderAMinute() {
        assertThat(Format.ago(NOW, NOW)).isEqualTo("just now");
        assertThat(Format.ago(NOW.minusSeconds(59), NOW)).isEqualTo("just now");
    }

    @Test
    void agoUsesMinutesThenHoursThenDays() {
        assertThat(Format.ago(NOW.minusSeconds(60), NOW)).isEqualTo("1 min ago");
        assertThat(Format.ago(NOW.minus(Duration.ofMinutes(59)), NOW)).isEqualTo("59 min ago");
        assertThat(Format.ago(NOW.minus(Duration.ofHours(3)), NOW)).isEqualTo("3 h ago");
        assertThat(Format.ago(NOW.minus(Duration.ofHours(47)), NOW)).isEqualTo("47 h ago");
        assertThat(Format.ago(NOW.minus(Duration.ofDays(2)), NOW)).isEqualTo("2 d ago");
    }

    @Test
    void agoOfAFutureInstantSaysIn() {
        assertThat(Format.ago(NOW.plusSeconds(30), NOW)).isEqualTo("in 30 s");
        assertThat(Format.ago(NOW.plus(Duration.ofMinutes(10)), NOW)).isEqualTo("in 10 min");
    }

    @Test
    void agoOfNothingIsNever() {
        assertThat(Format.ago(null, NOW)).isEqualTo("never");
    }

    @Test
    void durationUnderASecondIsInMilliseconds() {
        assertThat(Format.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Format.duration(Duration.ZERO)).isEqualTo("0 ms");
    }

    @Test
    void durationUnderAMinuteHasOneDecimalWithADot() {
        assertThat(Format.duration(Duration.ofMillis(1200))).isEqualTo("1.2 s");
        assertThat(Format.duration(Duration.ofMillis(59_940))).isEqualTo("59.9 s");
        assertThat(Format.duration(Duration.ofMillis(59_990)))
                .as("never 60.0 s")
                .isEqualTo("1 min");
        assertThat(Format.duration(Duration.ofSeconds(42))).isEqualTo("42.0 s");
    }

    @Test
    void longerDurationsUseMinutesAndHours() {
        assertThat(Format.duration(Duration.ofMinutes(3))).isEqualTo("3 min");
        assertThat(Format.duration(Duration.ofHours(5))).isEqualTo("5 h");
        assertThat(Format.duration(Duration.ofDays(3))).isEqualTo("3 d");
    }

    @Test
    void missingDurationIsADash() {
        assertThat(Format.duration(null)).isEqualTo("-");
    }
}
