package org.sitekeeper.uptime.internal.engine;

import java.util.Arrays;

/** The dispatch lag (check start minus due time) of the most recent checks, for percentiles. Thread-safe. */
final class LagRecorder {

    private final long[] ring;
    private int next;
    private int size;
    private long total;

    LagRecorder(int capacity) {
        this.ring = new long[capacity];
    }

    synchronized void record(long lagMillis) {
        ring[next] = Math.max(0, lagMillis);
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
        total++;
    }

    /** Nearest-rank percentile of the recent lags, or 0 without any. */
    synchronized long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        long[] copy = Arrays.copyOf(ring, size);
        Arrays.sort(copy);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return copy[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    synchronized long total() {
        return total;
    }
}
