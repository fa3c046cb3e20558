package org.sitekeeper.uptime.internal.domain;

import java.util.Objects;

import org.sitekeeper.uptime.api.MonitorState;

/**
 * The aggregate of a monitor's check results over one bucket (an hour, a day) or a window: how many checks were up,
 * down or unknown, and the response times. Mergeable without loss: merging the rollups of two sets of results gives
 * exactly the rollup of their union, whatever the order, so a day is the merge of its hours and a 30-day window the
 * merge of its days.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Uptime counts only {@link MonitorState#UP UP} and {@link MonitorState#DOWN DOWN} results: an
 *       {@link MonitorState#UNKNOWN UNKNOWN} result (the check could not run properly) is evidence neither way.
 *   <li>Response-time statistics ({@link #sumResponseMs()}, {@link #responseCount()}, the histogram) count only UP
 *       results that have a response time: a failed or unknown check's time (a timeout, an error page) would skew
 *       them. Times above {@value ResponseHistogram#MAX_MS} ms count as {@value ResponseHistogram#MAX_MS}, in the
 *       sum as in the histogram.
 * </ul>
 *
 * <p>A mutable accumulator: {@link #add(MonitorState, Integer)} and {@link #merge(Rollup)} change it and return it;
 * {@link #copy()} gives an independent one. Value semantics: rollups with equal counts and histograms are
 * {@link #equals(Object) equal}; do not change one while it is a key in a hash map. Not thread-safe.
 */
public final class Rollup {

    private long up;
    private long down;
    private long unknown;
    private long sumResponseMs;
    private long responseCount;
    private final ResponseHistogram histogram;

    /** An empty rollup. */
    public Rollup() {
        this(0, 0, 0, 0, 0, new ResponseHistogram());
    }

    private Rollup(
            long up, long down, long unknown, long sumResponseMs, long responseCount, ResponseHistogram histogram) {
        this.up = up;
        this.down = down;
        this.unknown = unknown;
        this.sumResponseMs = sumResponseMs;
        this.responseCount = responseCount;
        this.histogram = histogram;
    }

    /**
     * A rollup from its stored parts (the histogram is copied).
     *
     * @throws IllegalArgumentException if a count is negative, if {@code responseCount} is not the histogram's count,
     *     or if {@code sumResponseMs} is not a sum the histogram's values can have
     */
    public static Rollup of(
            long up, long down, long unknown, long sumResponseMs, long responseCount, ResponseHistogram histogram) {
        Objects.requireNonNull(histogram, "histogram");
        if (up < 0 || down < 0 || unknown < 0 || sumResponseMs < 0 || responseCount < 0) {
            throw new IllegalArgumentException("negative count: up " + up + ", down " + down + ", unknown " + unknown
                    + ", sum " + sumResponseMs + ", responses " + responseCount);
        }
        if (responseCount != histogram.count()) {
            throw new IllegalArgumentException(
                    "response count " + responseCount + " but the histogram has " + histogram.count());
        }
        if (sumResponseMs < histogram.leastSum() || sumResponseMs > histogram.greatestSum()) {
            throw new IllegalArgumentException(
                    "response time sum " + sumResponseMs + " does not fit the histogram " + histogram.encode());
        }
        if (responseCount > up) {
            throw new IllegalArgumentException("response count " + responseCount + " but only " + up + " up");
        }
        return new Rollup(up, down, unknown, sumResponseMs, responseCount, histogram.copy());
    }

    /**
     * Counts one check result.
     *
     * @param outcome {@link MonitorState#UP}, {@link MonitorState#DOWN} or {@link MonitorState#UNKNOWN}
     * @param responseMs the response time in ms, or {@code null} when there was no complete answer; counted only
     *     for UP; above {@value ResponseHistogram#MAX_MS} it counts as {@value ResponseHistogram#MAX_MS}
     * @return this rollup
     * @throws IllegalArgumentException if {@code outcome} is {@link MonitorState#PAUSED} or {@code responseMs} is
     *     negative
     */
    public Rollup add(MonitorState outcome, Integer responseMs) {
        Objects.requireNonNull(outcome, "outcome");
        if (responseMs != null && responseMs < 0) {
            throw new IllegalArgumentException("response time must not be negative: " + responseMs);
        }
        switch (outcome) {
            case UP -> {
                up++;
                if (responseMs != null) {
                    int ms = Math.min(responseMs, ResponseHistogram.MAX_MS);
                    histogram.add(ms);
                    sumResponseMs += ms;
                    responseCount++;
                }
            }
            case DOWN -> down++;
            case UNKNOWN -> unknown++;
            default -> throw new IllegalArgumentException("a check result is up, down or unknown: " + outcome);
        }
        return this;
    }

    /**
     * Adds all of {@code other} to this rollup ({@code other} is not changed; it may be this one).
     *
     * @return this rollup
     */
    public Rollup merge(Rollup other) {
        long mergedUp = Math.addExact(up, other.up);
        long mergedDown = Math.addExact(down, other.down);
        long mergedUnknown = Math.addExact(unknown, other.unknown);
        long mergedSum = Math.addExact(sumResponseMs, other.sumResponseMs);
        long mergedCount = Math.addExact(responseCount, other.responseCount);
        histogram.merge(other.histogram);
        up = mergedUp;
        down = mergedDown;
        unknown = mergedUnknown;
        sumResponseMs = mergedSum;
        responseCount = mergedCount;
        return this;
    }

    /** An independent rollup with the same contents. */
    public Rollup copy() {
        return new Rollup(up, down, unknown, sumResponseMs, responseCount, histogram.copy());
    }

    public long up() {
        return up;
    }

    public long down() {
        return down;
    }

    public long unknown() {
        return unknown;
    }

    /** The sum of the counted response times, in ms (see the class comment for which are counted). */
    public long sumResponseMs() {
        return sumResponseMs;
    }

    /** How many response times were counted: UP results with a response time. */
    public long responseCount() {
        return responseCount;
    }

    /** A copy of the histogram of the counted response times. */
    public ResponseHistogram histogram() {
        return histogram.copy();
    }

    /** All results counted: up, down and unknown. */
    public long checks() {
        return up + down + unknown;
    }

    public boolean isEmpty() {
        return checks() == 0;
    }

    /** {@code 100 × up / (up + down)}, unrounded; {@code null} when there was no up or down result. */
    public Double uptimePercent() {
        long decided = up + down;
        return decided == 0 ? null : 100.0 * up / decided;
    }

    /** The mean counted response time in ms, rounded half up; {@code null} when none was counted. */
    public Integer avgResponseMs() {
        return responseCount == 0 ? null : (int) ((sumResponseMs + responseCount / 2) / responseCount);
    }

    /**
     * The nearest-rank 95th percentile of the counted response times, within
     * {@value ResponseHistogram#RELATIVE_ERROR_PERCENT} % (see {@link ResponseHistogram#quantile(double)});
     * {@code null} when none was counted.
     */
    public Integer p95ResponseMs() {
        return responseCount == 0 ? null : histogram.quantile(0.95);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rollup other
                && up == other.up
                && down == other.down
                && unknown == other.unknown
                && sumResponseMs == other.sumResponseMs
                && responseCount == other.responseCount
                && histogram.equals(other.histogram);
    }

    @Override
    public int hashCode() {
        return Objects.hash(up, down, unknown, sumResponseMs, responseCount, histogram);
    }

    @Override
    public String toString() {
        return "Rollup[up=" + up + ", down=" + down + ", unknown=" + unknown + ", sumResponseMs=" + sumResponseMs
                + ", responseCount=" + responseCount + ", histogram=" + histogram.encode() + "]";
    }
}
