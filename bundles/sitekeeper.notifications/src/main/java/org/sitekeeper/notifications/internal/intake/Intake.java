package org.sitekeeper.notifications.internal.intake;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.event.EventProperties;
import org.sitekeeper.core.api.event.Topics;
import org.sitekeeper.notifications.internal.domain.AlertEvent;
import org.sitekeeper.notifications.internal.domain.SiteFacts;
import org.sitekeeper.notifications.internal.outbox.Dispatcher;
import org.sitekeeper.notifications.internal.service.MessageRenderer;
import org.sitekeeper.notifications.internal.service.NotificationStores;
import org.sitekeeper.notifications.internal.service.NotificationsConfig;
import org.sitekeeper.notifications.internal.service.Routing;

/**
 * Receives every Sitekeeper event and writes what it causes to the outbox. EventAdmin delivery must stay quick,
 * so events wait in a bounded queue; one writer thread takes them in batches and commits each batch in one
 * transaction. A database that is briefly unavailable holds the writer (retrying) while the queue absorbs new
 * events; events arriving at a full queue are dropped and counted (health shows it).
 */
@Component(
        service = {EventHandler.class, Intake.class},
        configurationPid = NotificationsConfig.PID,
        property = EventConstants.EVENT_TOPIC + "=" + Topics.ALL)
public final class Intake implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);
    static final String OWN_TOPICS = Topics.ROOT + "notifications/";
    private static final String SITE_TOPICS = Topics.ROOT + "sites/";
    private static final int BATCH = 250;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    /** Counters for health and the benchmark. */
    public record Stats(
            long received, long written, long dropped, long rejected, int queued, int capacity, String lastError) {}

    private record Received(String topic, Map<String, Object> properties, Instant at) {}

    private final NotificationStores stores;
    private final Routing routing;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final AlertProcessor processor;
    private final BlockingQueue<Received> queue;
    private final int capacity;
    private final Thread writer;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String lastError;
    private volatile boolean running = true;
    private volatile long lastDropLog;

    @Activate
    public Intake(
            @Reference NotificationStores stores,
            @Reference Routing routing,
            @Reference MessageRenderer renderer,
            @Reference Dispatcher dispatcher,
            @Reference Clock clock,
            NotificationsConfig config) {
        this.stores = stores;
        this.routing = routing;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.processor =
                new AlertProcessor(renderer, Duration.ofHours(Math.max(1, config.delivery__deadline__hours())));
        this.capacity = Math.max(100, config.intake__queue__size());
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::writeLoop, "sitekeeper-notifications-intake");
        writer.setDaemon(true);
        writer.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(TimeUnit.SECONDS.toMillis(15));
        if (!queue.isEmpty()) {
            LOG.warn("Notifications stopped with {} events not yet written to the outbox; they are lost", queue.size());
        }
    }

    @Override
    public void handleEvent(Event event) {
        String topic = event.getTopic();
        if (topic.startsWith(OWN_TOPICS)) {
            return;
        }
        if (topic.startsWith(SITE_TOPICS) && event.getProperty(EventProperties.SITE_ID) instanceof Number site) {
            routing.forgetSite(site.longValue()); // its group or tags may have changed
        }
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            properties.put(name, event.getProperty(name));
        }
        received.incrementAndGet();
        if (!queue.offer(new Received(topic, properties, clock.instant()))) {
            dropped.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastDropLog > TimeUnit.SECONDS.toNanos(10)) {
                lastDropLog = now;
                LOG.error(
                        "Notification intake queue is full ({} events): dropping events ({} so far); is the database down?",
                        capacity,
                        dropped.get());
            }
        }
    }

    /** Whether the queue is full, so that an event posted now would be dropped. */
    public boolean saturated() {
        return queue.remainingCapacity() == 0;
    }

    public Stats stats() {
        return new Stats(
                received.get(), written.get(), dropped.get(), rejected.get(), queue.size(), capacity, lastError);
    }

    private void writeLoop() {
        List<Received> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Received first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                writeBatch(batch);
                batch.clear();
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
        }
        // what arrived before deactivation still gets its one chance
        queue.drainTo(batch);
        if (!batch.isEmpty()) {
            try {
                write(batch);
            } catch (RuntimeException e) {
                LOG.warn("Could not write the last {} events at shutdown: {}", batch.size(), e.toString());
            }
        }
    }

    /** Writes a batch, waiting out a database that is away, and setting aside events that cannot be written. */
    private void writeBatch(List<Received> batch) throws InterruptedException {
        Duration pause = Duration.ofMillis(250);
        int conflicts = 0;
        while (true) {
            try {
                write(batch);
                lastError = null;
                return;
            } catch (RuntimeException e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (isTransient(e)) {
                    LOG.warn(
                            "Outbox unavailable ({}); retrying {} events in {} ms",
                            e.toString(),
                            batch.size(),
                            pause.toMillis());
                    Thread.sleep(pause.toMillis());
                    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                    if (!running) {
                        throw new InterruptedException();
                    }
                } else if (++conflicts <= 2 && batch.size() > 0) {
                    // most likely another node wrote the same alert at the same moment: try again as it is now
                    LOG.debug("Retrying a batch of {} events after {}", batch.size(), e.toString());
                } else {
                    writeOneByOne(batch);
                    return;
                }
            }
        }
    }

    private void writeOneByOne(List<Received> batch) {
        for (Received one : batch) {
            try {
                write(List.of(one));
            } catch (RuntimeException e) {
                rejected.incrementAndGet();
                LOG.error("Could not write event {} to the outbox; it is skipped", one.topic(), e);
            }
        }
    }

    private void write(List<Received> batch) {
        Routing.Snapshot snapshot = routing.snapshot();
        List<AlertEvent> alerts = new ArrayList<>(batch.size());
        List<SiteFacts> sites = new ArrayList<>(batch.size());
        for (Received r : batch) {
            AlertEvent alert = AlertEvent.from(r.topic(), r.properties(), r.at());
            alerts.add(alert);
            sites.add(routing.site(alert.siteId()));
        }
        Instant now = clock.instant();
        int queued = stores.outbox().inTransaction(tx -> {
            int sum = 0;
            for (int i = 0; i < alerts.size(); i++) {
                sum += processor.process(tx, alerts.get(i), sites.get(i), snapshot, now);
            }
            return sum;
        });
        written.addAndGet(batch.size());
        if (queued > 0) {
            dispatcher.wake();
        }
    }

    /** Whether a failure is the database being away (wait and retry) rather than something wrong with the data. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08")
                        || state.startsWith("40")
                        || state.startsWith("53")
                        || state.startsWith("57")
                        || state.startsWith("XJ0")
                        || state.startsWith("XSDB")) {
                    return true;
                }
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
