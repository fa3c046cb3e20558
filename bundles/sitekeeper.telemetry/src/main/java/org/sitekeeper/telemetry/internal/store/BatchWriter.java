package org.sitekeeper.telemetry.internal.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.error.UnavailableException;

/**
 * Writes items in batches behind a bounded queue: callers submit and wait for the future, one thread takes what has
 * queued up (at most {@code batchSize}) and writes it in one transaction, so a burst costs one commit per batch
 * instead of one per item. A full queue is refused at once (503 with a retry hint), never waited on. The future
 * completes once the batch is committed; it fails when the batch could not be written.
 *
 * @param <T> an item to write
 * @param <R> what each item's writer answers (an id, say)
 */
public final class BatchWriter<T, R> {

    /** Writes one batch in one transaction; answers one result per item, in order. */
    @FunctionalInterface
    public interface Sink<T, R> {
        List<R> write(List<T> batch);
    }

    private record Item<T, R>(T value, CompletableFuture<R> done, long queuedAtNanos) {}

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final String name;
    private final BlockingQueue<Item<T, R>> queue;
    private final int batchSize;
    private final Sink<T, R> sink;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile long lastBatchNanos;
    private volatile int lastBatchSize;
    private Thread thread;

    public BatchWriter(String name, int capacity, int batchSize, Sink<T, R> sink) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("capacity and batch size must be positive");
        }
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.sink = sink;
    }

    public synchronized void start() {
        if (running.compareAndSet(false, true)) {
            thread = new Thread(this::loop, "sitekeeper-" + name + "-writer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Stops taking new items, writes what is queued (for at most {@code drain}) and stops the thread. Items left
     * over fail.
     */
    public synchronized void stop(Duration drain) {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        try {
            thread.join(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
        List<Item<T, R>> left = new ArrayList<>();
        queue.drainTo(left);
        for (Item<T, R> item : left) {
            item.done()
                    .completeExceptionally(new UnavailableException(name + " writer stopped", Duration.ofSeconds(5)));
        }
    }

    /**
     * Queues {@code value}.
     *
     * @throws UnavailableException at once when the queue is full or the writer is stopped
     */
    public CompletableFuture<R> submit(T value) {
        if (!running.get()) {
            throw new UnavailableException(name + " is stopping or starting; try again shortly", Duration.ofSeconds(5));
        }
        Item<T, R> item = new Item<>(value, new CompletableFuture<>(), System.nanoTime());
        if (!queue.offer(item)) {
            rejected.incrementAndGet();
            throw new UnavailableException(
                    "the hub is beyond capacity for " + name + " (" + queue.size() + " waiting); try again shortly",
                    Duration.ofSeconds(2));
        }
        return item.done();
    }

    private void loop() {
        List<Item<T, R>> batch = new ArrayList<>(batchSize);
        while (running.get() || !queue.isEmpty()) {
            try {
                Item<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (!running.get()) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Item<T, R>> batch) {
        long start = System.nanoTime();
        List<T> values = new ArrayList<>(batch.size());
        for (Item<T, R> item : batch) {
            values.add(item.value());
        }
        try {
            List<R> results = sink.write(values);
            written.addAndGet(batch.size());
            batches.incrementAndGet();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            failed.addAndGet(batch.size());
            batches.incrementAndGet();
            LOG.warn("{}: a batch of {} could not be written: {}", name, batch.size(), e.getMessage());
            for (Item<T, R> item : batch) {
                item.done().completeExceptionally(e);
            }
        } finally {
            lastBatchSize = batch.size();
            lastBatchNanos = System.nanoTime() - start;
        }
    }

    public Stats stats() {
        return new Stats(
                queue.size(),
                queue.remainingCapacity() + queue.size(),
                written.get(),
                batches.get(),
                failed.get(),
                rejected.get(),
                lastBatchSize,
                lastBatchNanos / 1_000_000.0);
    }

    /** What the writer has done since it started. */
    public record Stats(
            int queued,
            int capacity,
            long written,
            long batches,
            long failed,
            long rejected,
            int lastBatchSize,
            double lastBatchMillis) {}
}
