package org.sitekeeper.uptime.internal.engine;

/**
 * Notices when this JVM stalls (GC pauses, CPU starvation, a suspended VM): a thread that means to wake every
 * 100 ms and finds it woke much later. A check that overlapped a stall may have timed out because of the hub.
 */
final class StallWatch implements AutoCloseable {

    private static final long TICK_MILLIS = 100;

    private final long thresholdMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private final long[] starts = new long[64];
    private final long[] ends = new long[64];
    private int next;

    StallWatch(long thresholdMillis) {
        this.thresholdMillis = thresholdMillis;
        this.thread = new Thread(this::run, "sitekeeper-uptime-stallwatch");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long last = System.currentTimeMillis();
        while (running) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.currentTimeMillis();
            if (now - last - TICK_MILLIS > thresholdMillis) {
                record(last, now);
            }
            last = now;
        }
    }

    synchronized void record(long from, long to) {
        starts[next] = from;
        ends[next] = to;
        next = (next + 1) % starts.length;
    }

    /** Whether a stall overlapped {@code [from, to]} (epoch milliseconds). */
    synchronized boolean stalledDuring(long from, long to) {
        for (int i = 0; i < starts.length; i++) {
            if (ends[i] != 0 && starts[i] <= to && ends[i] >= from) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
