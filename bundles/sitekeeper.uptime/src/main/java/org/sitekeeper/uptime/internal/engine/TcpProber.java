package org.sitekeeper.uptime.internal.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.uptime.api.FailureCause;
import org.sitekeeper.uptime.internal.domain.FailureCauses;
import org.sitekeeper.uptime.internal.domain.Probe;

/**
 * TCP checks: a non-blocking connect to the first address the egress policy resolved and allowed, within the
 * monitor's timeout; the time to connect is the response time.
 */
final class TcpProber implements AutoCloseable {

    private final EgressPolicy policy;
    private final Executor resolver;
    private final ScheduledExecutorService timer;
    private final AsynchronousChannelGroup group;

    TcpProber(EgressPolicy policy, Executor resolver, ScheduledExecutorService timer) throws IOException {
        this.policy = policy;
        this.resolver = resolver;
        this.timer = timer;
        this.group = AsynchronousChannelGroup.withFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "sitekeeper-uptime-tcp");
            t.setDaemon(true);
            return t;
        });
    }

    CompletableFuture<Probe> check(CheckSpec spec) {
        CompletableFuture<Probe> result = new CompletableFuture<>();
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        long timeoutMs = spec.timeout().toMillis();
        ScheduledFuture<?> deadline = timer.schedule(
                () -> result.complete(failure(
                        spec,
                        FailureCause.TIMEOUT,
                        "no connection within " + spec.timeout().toSeconds() + " s",
                        started,
                        startedAt)),
                timeoutMs,
                TimeUnit.MILLISECONDS);
        result.whenComplete((p, e) -> deadline.cancel(false));
        try {
            resolver.execute(() -> {
                try {
                    String host = spec.host().startsWith("[")
                            ? spec.host().substring(1, spec.host().length() - 1)
                            : spec.host();
                    List<InetAddress> addresses = policy.resolve(host);
                    connect(spec, new InetSocketAddress(addresses.get(0), spec.port()), started, startedAt, result);
                } catch (Exception e) {
                    result.complete(failure(spec, FailureCauses.of(e), FailureCauses.describe(e), started, startedAt));
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(failure(spec, FailureCause.ERROR, "the hub is overloaded", started, startedAt));
        }
        return result;
    }

    private void connect(
            CheckSpec spec, InetSocketAddress address, long started, Instant startedAt, CompletableFuture<Probe> result)
            throws IOException {
        if (result.isDone()) {
            return;
        }
        AsynchronousSocketChannel channel = AsynchronousSocketChannel.open(group);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable close = () -> {
            if (closed.compareAndSet(false, true)) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing a connection that failed
                }
            }
        };
        result.whenComplete((p, e) -> close.run()); // the timeout closes a connect still under way
        channel.connect(address, null, new CompletionHandler<Void, Void>() {
            @Override
            public void completed(Void ignored, Void attachment) {
                int elapsed = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                if (spec.maxResponseMs() > 0 && elapsed > spec.maxResponseMs()) {
                    result.complete(new Probe(
                            FailureCause.SLOW,
                            "connected in " + elapsed + " ms, more than the " + spec.maxResponseMs() + " ms allowed",
                            elapsed,
                            null,
                            null,
                            startedAt,
                            false));
                } else {
                    result.complete(new Probe(null, null, elapsed, null, null, startedAt, false));
                }
            }

            @Override
            public void failed(Throwable e, Void attachment) {
                result.complete(failure(spec, FailureCauses.of(e), FailureCauses.describe(e), started, startedAt));
            }
        });
    }

    private static Probe failure(CheckSpec spec, FailureCause cause, String detail, long started, Instant startedAt) {
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        boolean overran = elapsedMs > spec.timeout().toMillis() + HttpProber.OVERRUN_MILLIS;
        return new Probe(cause, detail, null, null, null, startedAt, overran);
    }

    @Override
    public void close() throws IOException {
        group.shutdownNow();
    }
}
