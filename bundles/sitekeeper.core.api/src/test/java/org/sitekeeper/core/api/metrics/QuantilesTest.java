package org.sitekeeper.core.api.metrics;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuantilesTest {

    private static final long[] ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).toArray();

    @Test
    void nearestRankOfOneToHundred() {
        assertThat(Quantiles.nearestRank(ONE_TO_HUNDRED, 0.5)).isEqualTo(50);
        assertThat(Quantiles.nearestRank(ONE_TO_HUNDRED, 0.9)).isEqualTo(90);
        assertThat(Quantiles.nearestRank(ONE_TO_HUNDRED, 0.99)).isEqualTo(99);
        assertThat(Quantiles.nearestRank(ONE_TO_HUNDRED, 0.995)).isEqualTo(100);
        assertThat(Quantiles.nearestRank(ONE_TO_HUNDRED, 1)).isEqualTo(100);
        assertThat(Quantiles.nearestRank(ONE_TO_HUNDRED, 0)).isEqualTo(1);
        assertThat(Quantiles.nearestRank(ONE_TO_HUNDRED, 0.001)).isEqualTo(1);
    }

    @Test
    void isAlwaysAnObservedValue() {
        long[] sorted = {10, 20, 30, 40};

        assertThat(Quantiles.nearestRank(sorted, 0.5)).isEqualTo(20);
        assertThat(Quantiles.nearestRank(sorted, 0.51)).isEqualTo(30);
        assertThat(Quantiles.nearestRank(sorted, 0.75)).isEqualTo(30);
        assertThat(Quantiles.nearestRank(sorted, 0.99)).isEqualTo(40);
    }

    @Test
    void binaryFractionsDoNotPushTheRankUp() {
        long[] ten = LongStream.rangeClosed(1, 10).toArray();

        // 0.7 * 10 is 7.000000000000001 in doubles, 0.3 * 10 is 3.0000000000000004
        assertThat(Quantiles.nearestRank(ten, 0.7)).isEqualTo(7);
        assertThat(Quantiles.nearestRank(ten, 0.3)).isEqualTo(3);
        assertThat(Quantiles.nearestRank(LongStream.rangeClosed(1, 1000).toArray(), 0.99))
                .isEqualTo(990);
    }

    @Test
    void oneValueIsEveryQuantile() {
        long[] one = {42};

        assertThat(Quantiles.nearestRank(one, 0)).isEqualTo(42);
        assertThat(Quantiles.nearestRank(one, 0.5)).isEqualTo(42);
        assertThat(Quantiles.nearestRank(one, 1)).isEqualTo(42);
    }

    @Test
    void clampsQuantilesOutsideZeroToOne() {
        assertThat(Quantiles.nearestRank(ONE_TO_HUNDRED, -0.5)).isEqualTo(1);
        assertThat(Quantiles.nearestRank(ONE_TO_HUNDRED, 7)).isEqualTo(100);
    }

    @Test
    void refusesNoValuesAndNaN() {
        assertThatIllegalArgumentException().isThrownBy(() -> Quantiles.nearestRank(new long[0], 0.5));
        assertThatIllegalArgumentException().isThrownBy(() -> Quantiles.nearestRank(ONE_TO_HUNDRED, Double.NaN));
    }

    /**
     * The definition, checked by counting in exact decimals: the answer is an observed value with at least q·n values
     * at or below it, and no smaller observed value has that many.
     */
    @Test
    void matchesTheDefinitionOnRandomSamples() {
        Random random = new Random(20261122);
        double[] quantiles = {0.01, 0.25, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 0.999};
        for (int round = 0; round < 500; round++) {
            long[] values = random.longs(1 + random.nextInt(300), 0, 50).toArray();
            Arrays.sort(values);
            for (double q : quantiles) {
                long answer = Quantiles.nearestRank(values, q);
                BigDecimal needed = BigDecimal.valueOf(q).multiply(BigDecimal.valueOf(values.length));

                assertThat(values).contains(answer);
                assertThat(BigDecimal.valueOf(atOrBelow(values, answer))).isGreaterThanOrEqualTo(needed);
                for (long smaller : values) {
                    if (smaller < answer) {
                        assertThat(BigDecimal.valueOf(atOrBelow(values, smaller)))
                                .isLessThan(needed);
                    }
                }
            }
        }
    }

    private static long atOrBelow(long[] values, long limit) {
        return Arrays.stream(values).filter(v -> v <= limit).count();
    }

    @Test
    void theNearestRankIsTheCeilingOfQTimesNReadAsADecimal() {
        assertThat(Quantiles.rank(0.95, 20)).isEqualTo(19);
        assertThat(Quantiles.rank(0.95, 100)).isEqualTo(95);
        assertThat(Quantiles.rank(0.95, 101)).isEqualTo(96);
        assertThat(Quantiles.rank(0.95, 1)).isEqualTo(1);
        assertThat(Quantiles.rank(0.5, 10)).isEqualTo(5);
        assertThat(Quantiles.rank(0.5, 11)).isEqualTo(6);
        assertThat(Quantiles.rank(0, 7)).isEqualTo(1);
        assertThat(Quantiles.rank(1, 7)).isEqualTo(7);
        assertThat(Quantiles.rank(0.07, 100)).isEqualTo(7); // 0.07 × 100 is 7.000000000000001 in double
    }
}
