package org.sitekeeper.notifications.internal.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.cluster.NodeIdentity;
import org.sitekeeper.core.api.security.SecretBox;
import org.sitekeeper.notifications.api.DeliveryResult;
import org.sitekeeper.notifications.api.NotificationChannel;
import org.sitekeeper.notifications.api.OutgoingMessage;
import org.sitekeeper.notifications.internal.domain.Backoff;
import org.sitekeeper.notifications.internal.service.ChannelRegistry;
import org.sitekeeper.notifications.internal.service.MessageRenderer;
import org.sitekeeper.notifications.internal.service.NotificationStores;
import org.sitekeeper.notifications.internal.service.NotificationsConfig;
import org.sitekeeper.notifications.internal.store.ClaimedDelivery;
import org.sitekeeper.notifications.internal.store.Outbox;
import org.sitekeeper.notifications.internal.store.StoredChannel;

/**
 * Sends what is due in the outbox. One loop thread leases due deliveries through the database (so several nodes
 * share the work without sending anything twice at once) and hands them to a bounded pool of senders; it wakes
 * when intake queued something due now and otherwise looks every {@code poll_millis}. Failed attempts are retried
 * with exponential backoff and jitter, honouring {@code Retry-After}, until the delivery's deadline.
 */
@Component(service = Dispatcher.class, configurationPid = NotificationsConfig.PID)
@Designate(ocd = NotificationsConfig.class)
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** Extra lease time beyond one attempt's timeout, so a slow attempt is not taken over mid-send. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(60);

    /** How the most recent attempt of a delivery went. */
    public record Attempt(Outbox.Outcome outcome, String detail) {}

    /** Counters for health and the console. */
    public record Stats(long attempts, long delivered, long retried, long failed, int inFlight, String lastError) {}

    private final NotificationStores stores;
    private final ChannelRegistry registry;
    private final SecretBox secrets;
    private final MessageRenderer renderer;
    private final Clock clock;
    private final String node;
    private final AtomicLong sequence = new AtomicLong();
    private final int workers;
    private final Semaphore slots;
    private final ThreadPoolExecutor senders;
    private final Duration attemptTimeout;
    private final Duration retryBase;
    private final Duration retryMax;
    private final long pollMillis;
    private final int maxGroup;
    private final Object signal = new Object();
    private final Thread loop;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean woken;
    private volatile boolean running = true;
    private volatile String lastError;

    @Activate
    public Dispatcher(
            @Reference NotificationStores stores,
            @Reference ChannelRegistry registry,
            @Reference SecretBox secrets,
            @Reference MessageRenderer renderer,
            @Reference Clock clock,
            @Reference NodeIdentity identity,
            NotificationsConfig config) {
        this.stores = stores;
        this.registry = registry;
        this.secrets = secrets;
        this.renderer = renderer;
        this.clock = clock;
        this.node = identity.id();
        this.workers = Math.max(1, Math.min(config.workers(), 256));
        this.slots = new Semaphore(workers);
        this.attemptTimeout = Duration.ofSeconds(Math.max(1, config.attempt__timeout__seconds()));
        this.retryBase = Duration.ofSeconds(Math.max(1, config.retry__base__seconds()));
        this.retryMax = Duration.ofSeconds(Math.max(config.retry__base__seconds(), config.retry__max__seconds()));
        this.pollMillis = Math.max(50, config.poll__millis());
        this.maxGroup = Math.max(1, config.max__group__size());
        AtomicInteger threads = new AtomicInteger();
        this.senders =
                new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(workers), r -> {
                    Thread t = new Thread(r, "sitekeeper-notifications-send-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        senders.allowCoreThreadTimeOut(true);
        // this node restarted: what it had leased before is not being sent by anyone
        int released = stores.outbox().releaseClaims(node + "/");
        if (released > 0) {
            LOG.info("{} notifications leased before the restart are due again", released);
        }
        this.loop = new Thread(this::run, "sitekeeper-notifications-dispatch");
        loop.setDaemon(true);
        loop.start();
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        running = false;
        loop.interrupt();
        loop.join(5_000);
        senders.shutdown();
        if (!senders.awaitTermination(attemptTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
            senders.shutdownNow();
        }
    }

    /** Something is due now: look at once instead of at the next poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    public Stats stats() {
        return new Stats(attempts.get(), delivered.get(), retried.get(), failed.get(), inFlight.get(), lastError);
    }

    /** A lease token: this node's name, then a number unique to this run. */
    private String token() {
        return node + "/" + sequence.incrementAndGet();
    }

    private void run() {
        long pause = pollMillis;
        while (running) {
            try {
                int free = slots.availablePermits();
                int claimed = 0;
                if (free > 0) {
                    Instant now = clock.instant();
                    List<ClaimedDelivery> due = stores.outbox()
                            .claim(token(), now, now.plus(attemptTimeout).plus(LEASE_MARGIN), free, maxGroup, renderer);
                    claimed = due.size();
                    for (ClaimedDelivery delivery : due) {
                        slots.acquire();
                        inFlight.incrementAndGet();
                        senders.execute(() -> {
                            try {
                                send(delivery);
                            } finally {
                                inFlight.decrementAndGet();
                                slots.release();
                                wake(); // a slot is free: more may be waiting
                            }
                        });
                    }
                }
                pause = pollMillis;
                if (claimed == free && claimed > 0) {
                    continue; // there may be more due right now
                }
                await(pause);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } catch (RuntimeException e) {
                lastError = e.toString();
                LOG.warn("Could not read the outbox ({}); trying again in {} ms", e.toString(), pause);
                try {
                    await(pause);
                } catch (InterruptedException stop) {
                    if (!running) {
                        return;
                    }
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void await(long millis) throws InterruptedException {
        synchronized (signal) {
            if (!woken) {
                signal.wait(millis);
            }
            woken = false;
        }
    }

    /** Sends a delivery this node has leased and records the outcome. Never throws. */
    public Attempt send(ClaimedDelivery delivery) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Optional<StoredChannel> stored;
        DeliveryResult result;
        try {
            stored = stores.channels().find(delivery.channelId());
            result = stored.map(channel -> attempt(channel, delivery, started))
                    .orElseGet(() -> DeliveryResult.failed("the channel was deleted"));
        } catch (RuntimeException e) {
            stored = Optional.empty();
            result = DeliveryResult.retry("could not prepare the message: " + e.getMessage());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        Instant finished = clock.instant();
        attempts.incrementAndGet();
        Attempt attempt;
        if (result instanceof DeliveryResult.Delivered d) {
            delivered.incrementAndGet();
            attempt = new Attempt(Outbox.Outcome.DELIVERED, d.detail());
        } else if (result instanceof DeliveryResult.Retry r) {
            retried.incrementAndGet();
            attempt = new Attempt(Outbox.Outcome.RETRY, r.reason());
        } else {
            failed.incrementAndGet();
            attempt = new Attempt(Outbox.Outcome.FAILED, ((DeliveryResult.Failed) result).reason());
        }
        Instant next = null;
        if (result instanceof DeliveryResult.Retry retry) {
            Backoff backoff = new Backoff(retryBase, retryMax, ThreadLocalRandom.current());
            next = backoff.next(finished, delivery.attempts() + 1, retry.after(), delivery.deadline());
        }
        try {
            stores.outbox().record(delivery, finished, millis, attempt.outcome(), attempt.detail(), next);
            if (stored.isPresent()) {
                String status =
                        switch (attempt.outcome()) {
                            case DELIVERED -> "delivered";
                            case RETRY -> next == null ? "failed" : "retrying";
                            case FAILED -> "failed";
                        };
                stores.channels()
                        .recordOutcome(
                                delivery.channelId(),
                                finished,
                                status,
                                attempt.outcome() == Outbox.Outcome.DELIVERED ? null : attempt.detail());
            }
        } catch (RuntimeException e) {
            // sent again (at least once, never lost): at once if the lease can be given back, else when it runs out
            lastError = e.toString();
            LOG.warn("Could not record the outcome of notification {}: {}", delivery.id(), e.toString());
            try {
                stores.outbox().releaseClaim(delivery.id(), delivery.token());
            } catch (RuntimeException stillFailing) {
                LOG.debug("Could not give back the lease of notification {}", delivery.id(), stillFailing);
            }
        }
        if (attempt.outcome() != Outbox.Outcome.DELIVERED) {
            LOG.debug("Notification {} {}: {}", delivery.id(), attempt.outcome().wireName(), attempt.detail());
        }
        return attempt;
    }

    private DeliveryResult attempt(StoredChannel channel, ClaimedDelivery delivery, Instant now) {
        if (!channel.enabled() && !"test".equals(delivery.kind())) {
            return DeliveryResult.failed("the channel is disabled");
        }
        Optional<NotificationChannel> type = registry.type(channel.type());
        if (type.isEmpty()) {
            return DeliveryResult.retry("channel type " + channel.type() + " is not installed");
        }
        Map<String, Object> config = new HashMap<>(channel.config());
        for (Map.Entry<String, String> secret : channel.sealedSecrets().entrySet()) {
            try {
                config.put(
                        secret.getKey(),
                        secrets.open(secret.getValue(), StoredChannel.secretContext(channel.id(), secret.getKey())));
            } catch (IllegalArgumentException e) {
                return DeliveryResult.failed("the channel's " + secret.getKey()
                        + " cannot be decrypted (was the master key changed?); enter it again");
            }
        }
        OutgoingMessage message = new OutgoingMessage(
                delivery.id(),
                channel.id(),
                channel.name(),
                config,
                delivery.recipients(),
                delivery.kind(),
                delivery.subject(),
                delivery.message().text(),
                delivery.message().html(),
                delivery.message().alerts(),
                now.plus(attemptTimeout));
        try {
            DeliveryResult result = type.get().deliver(message);
            return result == null ? DeliveryResult.retry("the channel gave no result") : result;
        } catch (RuntimeException e) {
            LOG.warn("Channel type {} failed on notification {}", channel.type(), delivery.id(), e);
            return DeliveryResult.retry(
                    channel.type() + " channel error: " + e.getClass().getSimpleName());
        }
    }

    /** Leases a delivery just written and sends it in the caller's thread (channel tests). */
    public Optional<Attempt> sendNow(long deliveryId) {
        Instant now = clock.instant();
        return stores.outbox()
                .claimOne(deliveryId, token(), now, now.plus(attemptTimeout).plus(LEASE_MARGIN))
                .map(this::send);
    }

    public Duration attemptTimeout() {
        return attemptTimeout;
    }
}
