package org.sitekeeper.telemetry.internal.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.error.UnavailableException;

/**
 * Writes items in batches behind a bounded queue: callers submit and wait for the future, a writer thread takes what
 * has queued up (at most {@code batchSize}) and writes it in one transaction, so a burst costs one commit per batch
 * instead of one per item. The future completes once the batch is committed; it fails when the batch could not be
 * written.
 *
 * <p>The bound ({@code capacity}) counts every item not answered yet, queued or in the batch being written. Each
 * caller waits on one of the HTTP server's threads, so the bound must stay below that pool: then, beyond capacity,
 * the extra requests are refused at once (503 with a retry hint) by threads that are still free, instead of piling
 * up in the server's own queue until clients time out.
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
    /** One queue per writer thread. */
    private final List<BlockingQueue<Item<T, R>>> queues = new ArrayList<>();

    private final Function<T, Object> partition;
    private final int capacity;
    private final Semaphore slots;
    private final int batchSize;
    private final Sink<T, R> sink;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile long lastBatchNanos;
    private volatile int lastBatchSize;
    private final int writers;
    private final List<Thread> threads = new ArrayList<>();

    public BatchWriter(String name, int capacity, int batchSize, Sink<T, R> sink) {
        this(name, capacity, batchSize, 1, item -> 0, sink);
    }

    /**
     * @param writers threads that write batches, each from its own queue: with more than one, a batch is written
     *     while another waits for its commit to reach the disk, so one slow commit does not hold every caller. The
     *     sink must then be safe to call concurrently.
     * @param partition which queue an item goes to (by the hash of what it answers): items of one key (one
     *     installation) always go to the same writer, so two batches written at once never touch the same rows
     *     and cannot wait on each other's locks
     */
    public BatchWriter(
            String name, int capacity, int batchSize, int writers, Function<T, Object> partition, Sink<T, R> sink) {
        if (capacity < 1 || batchSize < 1 || writers < 1) {
            throw new IllegalArgumentException("capacity, batch size and writers must be positive");
        }
        this.name = name;
        this.writers = writers;
        this.partition = partition;
        for (int i = 0; i < writers; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
        this.batchSize = batchSize;
        this.sink = sink;
    }

    public synchronized void start() {
        if (running.compareAndSet(false, true)) {
            threads.clear();
            for (int i = 0; i < writers; i++) {
                BlockingQueue<Item<T, R>> queue = queues.get(i);
                Thread thread = new Thread(() -> loop(queue), "sitekeeper-" + name + "-writer-" + (i + 1));
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }
    }

    /**
     * Stops taking new items, writes what is queued (for at most {@code drain}) and stops the threads. Items left
     * over fail.
     */
    public synchronized void stop(Duration drain) {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        long deadline = System.nanoTime() + drain.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
        List<Item<T, R>> left = new ArrayList<>();
        for (BlockingQueue<Item<T, R>> queue : queues) {
            queue.drainTo(left);
        }
        for (Item<T, R> item : left) {
            slots.release();
            item.done()
                    .completeExceptionally(new UnavailableException(name + " writer stopped", Duration.ofSeconds(5)));
        }
    }

    /**
     * Refuses at once, as {@link #submit} would, while {@code capacity} items are waiting: lets a caller refuse
     * before it does the work that makes an item. Racy by nature (a slot may free up or be taken right after);
     * {@link #submit} still decides.
     *
     * @throws UnavailableException when every slot is taken
     */
    public void refuseWhenFull() {
        if (slots.availablePermits() == 0) {
            throw refused();
        }
    }

    private UnavailableException refused() {
        rejected.incrementAndGet();
        return new UnavailableException(
                "the hub is beyond capacity for " + name + " (" + capacity + " waiting); try again shortly",
                Duration.ofSeconds(1));
    }

    /**
     * Queues {@code value}.
     *
     * @throws UnavailableException at once when {@code capacity} items are waiting already or the writer is stopped
     */
    public CompletableFuture<R> submit(T value) {
        if (!running.get()) {
            throw new UnavailableException(name + " is stopping or starting; try again shortly", Duration.ofSeconds(5));
        }
        if (!slots.tryAcquire()) {
            throw refused();
        }
        Item<T, R> item = new Item<>(value, new CompletableFuture<>(), System.nanoTime());
        queues.get(writers == 1 ? 0 : Math.floorMod(partition.apply(value).hashCode(), writers))
                .add(item);
        return item.done();
    }

    private void loop(BlockingQueue<Item<T, R>> queue) {
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
        List<R> results;
        try {
            results = sink.write(values);
        } catch (RuntimeException e) {
            finished(batch, start);
            failed.addAndGet(batch.size());
            LOG.warn("{}: a batch of {} could not be written: {}", name, batch.size(), e.getMessage());
            for (Item<T, R> item : batch) {
                item.done().completeExceptionally(e);
            }
            return;
        }
        finished(batch, start);
        written.addAndGet(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    /** Gives the batch's slots back before its callers are woken, so that they find room for their next item. */
    private void finished(List<Item<T, R>> batch, long start) {
        batches.incrementAndGet();
        lastBatchSize = batch.size();
        lastBatchNanos = System.nanoTime() - start;
        slots.release(batch.size());
    }

    public Stats stats() {
        return new Stats(
                capacity - slots.availablePermits(),
                capacity,
                written.get(),
                batches.get(),
                failed.get(),
                rejected.get(),
                lastBatchSize,
                lastBatchNanos / 1_000_000.0);
    }

    /** What the writer has done since it started; {@code queued} counts the batch being written too. */
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
