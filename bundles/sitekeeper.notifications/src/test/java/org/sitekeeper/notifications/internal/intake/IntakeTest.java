package org.sitekeeper.notifications.internal.intake;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;

import org.sitekeeper.core.api.event.EventProperties;
import org.sitekeeper.notifications.internal.outbox.Dispatcher;
import org.sitekeeper.notifications.internal.service.NotificationStores;
import org.sitekeeper.notifications.internal.service.Routing;
import org.sitekeeper.notifications.internal.service.TestServices;
import org.sitekeeper.notifications.internal.store.NotificationsDatabase;
import org.sitekeeper.notifications.internal.store.TestSecrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The intake queue in front of the outbox: events are written, and a full queue says so instead of hiding it. */
class IntakeTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

    @TempDir
    static Path keys;

    @RegisterExtension
    static final NotificationsDatabase.PerClass DATABASE = new NotificationsDatabase.PerClass();

    private static NotificationsDatabase db;
    private static NotificationStores stores;

    private final StallingClock clock = new StallingClock();
    private Dispatcher dispatcher;
    private Intake intake;

    @BeforeAll
    static void openDatabase() throws Exception {
        db = DATABASE.get();
        stores = new NotificationStores(db.emf(), db.migrator());
    }

    @BeforeEach
    void start() throws InterruptedException {
        dispatcher = new Dispatcher(
                stores,
                TestServices.registry(),
                TestSecrets.box(keys),
                TestServices.renderer(),
                clock,
                TestServices.NODE,
                TestServices.config(Map.of()));
        dispatcher.deactivate(); // nothing to send here: no rules
        intake = new Intake(
                stores,
                new Routing(stores, clock),
                TestServices.renderer(),
                dispatcher,
                clock,
                TestServices.config(Map.of("intake_queue_size", 100)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        clock.release();
        intake.deactivate();
    }

    @Test
    void everyEventPostedIsWrittenAsAnAlert() throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            // the queue holds 100: post no faster than the writer takes them, as EventAdmin's delivery would
            while (intake.saturated()) {
                Thread.sleep(1);
            }
            intake.handleEvent(alert("disk:" + i));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> intake.stats().written() == 250);
        assertThat(db.count("SELECT COUNT(*) FROM notifications_alert")).isEqualTo(250);
        Intake.Stats stats = intake.stats();
        assertThat(stats.received()).isEqualTo(250);
        assertThat(stats.dropped()).isZero();
        assertThat(stats.queued()).isZero();
        assertThat(intake.saturated()).isFalse();
    }

    @Test
    void aFullQueueIsReportedAndCountsWhatItDropsThenDrainsWhenTheWriterGoesOn() throws Exception {
        clock.stallWriter();
        intake.handleEvent(alert("first"));
        assertThat(clock.writerStalled.await(10, TimeUnit.SECONDS))
                .as("writer took the first event")
                .isTrue();

        for (int i = 0; i < 100; i++) {
            assertThat(intake.saturated()).isFalse();
            intake.handleEvent(alert("queued:" + i));
        }
        assertThat(intake.saturated()).isTrue();
        intake.handleEvent(alert("one too many"));
        assertThat(intake.stats().dropped()).isEqualTo(1);
        assertThat(intake.stats().queued()).isEqualTo(100);

        clock.release();
        await().atMost(Duration.ofSeconds(20)).until(() -> intake.stats().written() == 101);
        assertThat(intake.saturated()).isFalse();
        assertThat(db.count("SELECT COUNT(*) FROM notifications_alert")).isEqualTo(101);
        assertThat(db.count("SELECT COUNT(*) FROM notifications_alert WHERE alert_key = 'one too many'"))
                .isZero();
    }

    private static Event alert(String key) {
        return new Event(
                "sitekeeper/external/ALERT",
                Map.of(
                        EventProperties.ALERT_KEY,
                        key,
                        EventProperties.SEVERITY,
                        "warning",
                        EventProperties.TITLE,
                        "Alert " + key));
    }

    /** A fixed clock that, once told, holds the intake's writer thread until released. */
    private static final class StallingClock extends TestServices.TestClock {
        private final CountDownLatch writerStalled = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean stall;

        StallingClock() {
            super(NOW);
        }

        void stallWriter() {
            stall = true;
        }

        void release() {
            released.countDown();
        }

        @Override
        public Instant instant() {
            if (stall && Thread.currentThread().getName().equals("sitekeeper-notifications-intake")) {
                writerStalled.countDown();
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.instant();
        }
    }
}
