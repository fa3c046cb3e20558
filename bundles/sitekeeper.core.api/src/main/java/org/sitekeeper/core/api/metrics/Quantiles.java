package org.sitekeeper.core.api.metrics;

/** Quantiles of a sample by the nearest-rank method: always one of the observed values, never interpolated. */
final class Quantiles {

    private Quantiles() {}

    /**
     * The {@code q}-quantile of {@code sorted} (ascending, not empty): the smallest value such that at least
     * {@code q} of the values are at most it. {@code q} is clamped to [0, 1]; 0 gives the minimum, 1 the maximum.
     */
    static long nearestRank(long[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (Double.isNaN(q)) {
            throw new IllegalArgumentException("quantile is NaN");
        }
        double clamped = Math.min(1, Math.max(0, q));
        // 1-based; the tolerance keeps 0.7 * 10 (7.000000000000001 in binary) at rank 7
        int rank = (int) Math.ceil(clamped * sorted.length - 1e-9);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
