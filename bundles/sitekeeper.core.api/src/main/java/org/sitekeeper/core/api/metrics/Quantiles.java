package org.sitekeeper.core.api.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Quantiles by the nearest-rank method: always one of the observed values, never interpolated. */
public final class Quantiles {

    private Quantiles() {}

    /**
     * The {@code q}-quantile of {@code sorted} (ascending, not empty): the smallest value such that at least
     * {@code q} of the values are at most it. {@code q} is clamped to [0, 1]; 0 gives the minimum, 1 the maximum.
     */
    static long nearestRank(long[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        return sorted[(int) rank(q, sorted.length) - 1];
    }

    /**
     * The rank (from 1) of the nearest-rank {@code q}-quantile of {@code n} values: {@code ceil(q * n)} with
     * {@code q} read as the decimal it prints as (so 0.7 of 10 is rank 7, not 8), clamped to 1..{@code n}.
     */
    public static long rank(double q, long n) {
        if (Double.isNaN(q)) {
            throw new IllegalArgumentException("quantile is NaN");
        }
        if (n < 1) {
            throw new IllegalArgumentException("no values");
        }
        double clamped = Math.min(1, Math.max(0, q));
        long rank = BigDecimal.valueOf(clamped)
                .multiply(BigDecimal.valueOf(n))
                .setScale(0, RoundingMode.CEILING)
                .longValueExact();
        return Math.min(Math.max(rank, 1), n);
    }
}
