package org.sitekeeper.uptime.internal.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DayLevelTest {

    @Test
    void thresholdsBelongToTheBetterLevel() {
        assertThat(DayLevel.of(100.0)).isEqualTo(DayLevel.FULL);
        assertThat(DayLevel.of(99.9)).isEqualTo(DayLevel.FULL);
        assertThat(DayLevel.of(99.0)).isEqualTo(DayLevel.HIGH);
        assertThat(DayLevel.of(95.0)).isEqualTo(DayLevel.LOW);
    }

    @Test
    void justBelowAThresholdFallsToTheNextLevel() {
        assertThat(DayLevel.of(99.899)).isEqualTo(DayLevel.HIGH);
        assertThat(DayLevel.of(98.999)).isEqualTo(DayLevel.LOW);
        assertThat(DayLevel.of(94.999)).isEqualTo(DayLevel.BAD);
        assertThat(DayLevel.of(0.0)).isEqualTo(DayLevel.BAD);
    }

    @Test
    void aDayWithoutChecksHasNoLevel() {
        assertThat(DayLevel.of(null)).isEqualTo(DayLevel.NONE);
        assertThat(DayLevel.of(Double.NaN)).isEqualTo(DayLevel.NONE);
    }

    @Test
    void eachLevelHasItsOwnCharacterAndOnlyTheTwoRedsShareAColour() {
        assertThat(DayLevel.values()).extracting(DayLevel::symbol).containsExactly('█', '▓', '▒', '░', '·');
        assertThat(DayLevel.LOW.kind()).isEqualTo(DayLevel.BAD.kind());
        assertThat(DayLevel.LOW.opacity()).isLessThan(DayLevel.BAD.opacity());
        assertThat(DayLevel.FULL.kind()).isEqualTo("ok");
        assertThat(DayLevel.NONE.kind()).isEqualTo("muted");
    }
}
