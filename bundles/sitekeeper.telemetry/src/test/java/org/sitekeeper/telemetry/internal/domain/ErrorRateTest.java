package org.sitekeeper.telemetry.internal.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorRateTest {

    @Test
    void theShareOfFailingEventsInPercentWithTwoDecimals() {
        assertThat(ErrorRate.percent(15, 600)).isEqualTo(2.5); // seed 002: 15 errors in 24 h, 2.5 %
        assertThat(ErrorRate.percent(1, 3)).isEqualTo(33.33);
        assertThat(ErrorRate.percent(2, 3)).isEqualTo(66.67);
        assertThat(ErrorRate.percent(1, 200_000)).isEqualTo(0.0);
        assertThat(ErrorRate.percent(1, 20_000)).isEqualTo(0.01);
        assertThat(ErrorRate.percent(7, 7)).isEqualTo(100.0);
    }

    @Test
    void noEventsIsNoErrorsAndMoreFailuresThanEventsIsCapped() {
        assertThat(ErrorRate.percent(0, 0)).isEqualTo(0.0);
        assertThat(ErrorRate.percent(5, 0)).isEqualTo(0.0);
        assertThat(ErrorRate.percent(0, 10)).isEqualTo(0.0);
        assertThat(ErrorRate.percent(12, 10)).isEqualTo(100.0);
    }

    @Test
    void failuresArePaymentFailuresErrorsAndSevereEvents() {
        assertThat(ErrorRate.isFailure("payment_failed", "warning")).isTrue();
        assertThat(ErrorRate.isFailure("error", null)).isTrue();
        assertThat(ErrorRate.isFailure("info", "critical")).isTrue();
        assertThat(ErrorRate.isFailure("warning", "error")).isTrue();
        assertThat(ErrorRate.isFailure("payment_success", "info")).isFalse();
        assertThat(ErrorRate.isFailure("warning", "warning")).isFalse();
        assertThat(ErrorRate.isFailure("info", null)).isFalse();
    }

    @Test
    void highMeansAboveFivePercent() {
        assertThat(ErrorRate.HIGH).isEqualTo(5.0);
        assertThat(ErrorRate.percent(6, 100) > ErrorRate.HIGH).isTrue();
        assertThat(ErrorRate.percent(5, 100) > ErrorRate.HIGH).isFalse();
    }
}
