package org.sitekeeper.uptime.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sitekeeper.uptime.internal.domain.CertificateWarnings.Decision;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateWarningsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final List<Integer> THRESHOLDS = List.of(30, 14, 7);

    private static Decision decide(Duration left, Integer previouslyWarned) {
        return CertificateWarnings.decide(NOW.plus(left), NOW, THRESHOLDS, previouslyWarned);
    }

    @Test
    void farFromExpiryNothingHappens() {
        Decision d = decide(Duration.ofDays(90), null);

        assertThat(d).isEqualTo(new Decision(90, null, false, false));
    }

    @Test
    void daysLeftAreWholeDaysRoundedDown() {
        assertThat(decide(Duration.ofDays(31).minusSeconds(1), null).daysLeft()).isEqualTo(30);
        assertThat(decide(Duration.ofDays(31), null).daysLeft()).isEqualTo(31);
        assertThat(decide(Duration.ofSeconds(1), null).daysLeft()).isZero();
        assertThat(decide(Duration.ofSeconds(-1), null).daysLeft()).isEqualTo(-1);
        assertThat(decide(Duration.ofDays(-3), null).daysLeft()).isEqualTo(-3);
    }

    @Test
    void crossingThirtyWarnsOnce() {
        assertThat(decide(Duration.ofDays(31), null).warn()).isFalse();
        assertThat(decide(Duration.ofDays(30), null)).isEqualTo(new Decision(30, 30, true, false));
        assertThat(decide(Duration.ofDays(29), 30)).isEqualTo(new Decision(29, 30, false, false));
    }

    @Test
    void eachThresholdWarnsExactlyOnceAsTheDaysRunDown() {
        List<Long> warnedAt = new ArrayList<>();
        List<Integer> warnedFor = new ArrayList<>();
        Integer remembered = null;
        Instant notAfter = NOW.plus(Duration.ofDays(45));
        // checked every hour from 45 days before expiry to 5 days after it
        for (Instant now = NOW; now.isBefore(notAfter.plus(Duration.ofDays(5))); now = now.plus(Duration.ofHours(1))) {
            Decision d = CertificateWarnings.decide(notAfter, now, THRESHOLDS, remembered);
            assertThat(d.cleared()).isFalse();
            if (d.warn()) {
                warnedAt.add(d.daysLeft());
                warnedFor.add(d.warnedDays());
            }
            remembered = d.warnedDays();
        }
        assertThat(warnedFor).containsExactly(30, 14, 7);
        assertThat(warnedAt).containsExactly(30L, 14L, 7L);
        assertThat(remembered).isEqualTo(7);
    }

    @Test
    void firstSeenCloseToExpiryWarnsOnceForTheNarrowestThreshold() {
        Decision d = decide(Duration.ofDays(5), null);

        assertThat(d).isEqualTo(new Decision(5, 7, true, false));
        assertThat(decide(Duration.ofDays(4), 7).warn()).isFalse();
    }

    @Test
    void anExpiredCertificateStaysWarnedWithoutRepeating() {
        assertThat(decide(Duration.ofDays(-2), null)).isEqualTo(new Decision(-2, 7, true, false));
        assertThat(decide(Duration.ofDays(-10), 7)).isEqualTo(new Decision(-10, 7, false, false));
    }

    @Test
    void aRenewalBeyondEveryThresholdClearsOnce() {
        Decision renewed = decide(Duration.ofDays(90), 7);

        assertThat(renewed).isEqualTo(new Decision(90, null, false, true));
        // cleared only when something had been warned
        assertThat(decide(Duration.ofDays(90), null).cleared()).isFalse();
    }

    @Test
    void aRenewalIntoAWiderThresholdSilentlyResetsAndWarnsAgainLater() {
        Decision renewed = decide(Duration.ofDays(10), 7);

        assertThat(renewed).isEqualTo(new Decision(10, 14, false, false));
        assertThat(decide(Duration.ofDays(20), 7)).isEqualTo(new Decision(20, 30, false, false));

        // the renewed certificate runs down: crossing 7 again warns again
        assertThat(decide(Duration.ofDays(8), 14).warn()).isFalse();
        assertThat(decide(Duration.ofDays(7), 14)).isEqualTo(new Decision(7, 7, true, false));
    }

    @Test
    void thresholdsMayComeInAnyOrder() {
        List<Integer> shuffled = List.of(7, 30, 14);
        assertThat(CertificateWarnings.decide(NOW.plus(Duration.ofDays(10)), NOW, shuffled, null))
                .isEqualTo(new Decision(10, 14, true, false));
        assertThat(CertificateWarnings.decide(NOW.plus(Duration.ofDays(10)), NOW, shuffled, 30)
                        .warn())
                .isTrue();
    }

    @Test
    void withoutThresholdsNothingWarns() {
        assertThat(CertificateWarnings.decide(NOW.plus(Duration.ofDays(1)), NOW, List.of(), null))
                .isEqualTo(new Decision(1, null, false, false));
        assertThat(CertificateWarnings.decide(NOW.plus(Duration.ofDays(1)), NOW, List.of(), 7)
                        .cleared())
                .isTrue();
    }
}
