package org.sitekeeper.core.api.metrics;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value a {@link MetricsSource} is expensive to work out (a pass over a table), taken again by the first scrape
 * that finds it older than {@code maxAge}: however many scrapers ask, one of them takes it and the others wait for
 * that one. A take that fails leaves the old value in place and fails that scrape.
 *
 * @param <T> the value
 */
public final class Snapshot<T> {

    private final long maxAgeNanos;
    private final Supplier<T> take;
    private final LongSupplier nanoTime;
    private T value; // guarded by this
    private long takenAt; // guarded by this

    public Snapshot(Duration maxAge, Supplier<T> take) {
        this(maxAge, take, System::nanoTime);
    }

    /** @param nanoTime the clock ({@link System#nanoTime()}; the tests' own) */
    public Snapshot(Duration maxAge, Supplier<T> take, LongSupplier nanoTime) {
        this.maxAgeNanos = maxAge.toNanos();
        this.take = take;
        this.nanoTime = nanoTime;
    }

    /** The value, taken now when there is none yet or it is older than the maximum age. */
    public synchronized T get() {
        long now = nanoTime.getAsLong();
        if (value == null || now - takenAt > maxAgeNanos) {
            value = take.get();
            takenAt = now;
        }
        return value;
    }
}
