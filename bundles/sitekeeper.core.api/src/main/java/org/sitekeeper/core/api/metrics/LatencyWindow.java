package org.sitekeeper.core.api.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations for a Prometheus summary: the count and sum of every duration recorded, and the most recent ones
 * in a fixed ring for quantiles computed when scraped. Recording takes no lock: one atomic increment to claim a
 * slot, one plain store into it, and one {@link LongAdder} for the sum. A scrape copies and sorts the ring; it may see a
 * slot being overwritten, which only swaps one recent duration for another.
 */
public final class LatencyWindow {

    private static final double NANOS_PER_SECOND = 1e9;
    /** A slot claimed but not written yet (only while the ring fills for the first time). */
    private static final long EMPTY = -1;

    private final AtomicLongArray ring;
    private final int mask;
    private final AtomicLong next = new AtomicLong();
    private final LongAdder sumNanos = new LongAdder();

    /** @param capacity how many recent durations the quantiles cover; a power of two */
    public LatencyWindow(int capacity) {
        if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, not " + capacity);
        }
        this.ring = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            ring.set(i, EMPTY);
        }
        this.mask = capacity - 1;
    }

    /** Records one duration; negative ones (a clock step) count as zero. */
    public void record(long nanos) {
        long duration = Math.max(0, nanos);
        long slot = next.getAndIncrement();
        ring.lazySet((int) (slot & mask), duration);
        sumNanos.add(duration);
    }

    /** How many durations were recorded since the start. */
    public long count() {
        return next.get();
    }

    /** The sum of every duration recorded since the start, in seconds. */
    public double sumSeconds() {
        return sumNanos.sum() / NANOS_PER_SECOND;
    }

    /** How many durations the quantiles cover at most. */
    public int capacity() {
        return ring.length();
    }

    /** The recent durations in nanoseconds, sorted; at most {@link #capacity()}. */
    long[] recentSorted() {
        int claimed = (int) Math.min(next.get(), ring.length());
        long[] copy = new long[claimed];
        int filled = 0;
        for (int i = 0; i < claimed; i++) {
            long duration = ring.get(i);
            if (duration != EMPTY) {
                copy[filled++] = duration;
            }
        }
        Arrays.sort(copy, 0, filled);
        return filled == claimed ? copy : Arrays.copyOf(copy, filled);
    }

    /** The quantiles of the recent durations in seconds; {@code NaN} each when nothing was recorded yet. */
    public double[] quantilesSeconds(double... quantiles) {
        long[] sorted = recentSorted();
        double[] seconds = new double[quantiles.length];
        for (int i = 0; i < quantiles.length; i++) {
            seconds[i] =
                    sorted.length == 0 ? Double.NaN : Quantiles.nearestRank(sorted, quantiles[i]) / NANOS_PER_SECOND;
        }
        return seconds;
    }
}
