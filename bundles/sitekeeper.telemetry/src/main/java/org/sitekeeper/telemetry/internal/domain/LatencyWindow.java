package org.sitekeeper.telemetry.internal.domain;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The latencies of the last {@code size} requests, lock-free to record, with quantiles computed when asked (for
 * {@code plugin_heartbeat_latency_seconds}), plus the running sum and count of all of them.
 */
public final class LatencyWindow {

    private final AtomicLongArray nanos;
    private final AtomicLong next = new AtomicLong();
    private final DoubleAdder sumSeconds = new DoubleAdder();

    public LatencyWindow(int size) {
        this.nanos = new AtomicLongArray(size);
    }

    public void record(long durationNanos) {
        long i = next.getAndIncrement();
        nanos.set((int) (i % nanos.length()), durationNanos);
        sumSeconds.add(durationNanos / 1e9);
    }

    public long count() {
        return next.get();
    }

    public double sumSeconds() {
        return sumSeconds.sum();
    }

    /** The {@code q} quantiles (0..1) of the window in seconds; NaN before the first sample. */
    public double[] quantilesSeconds(double... q) {
        int n = (int) Math.min(next.get(), nanos.length());
        double[] out = new double[q.length];
        if (n == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        long[] sample = new long[n];
        for (int i = 0; i < n; i++) {
            sample[i] = nanos.get(i);
        }
        Arrays.sort(sample);
        for (int k = 0; k < q.length; k++) {
            int index = (int) Math.ceil(q[k] * n) - 1;
            out[k] = sample[Math.max(0, Math.min(n - 1, index))] / 1e9;
        }
        return out;
    }
}
