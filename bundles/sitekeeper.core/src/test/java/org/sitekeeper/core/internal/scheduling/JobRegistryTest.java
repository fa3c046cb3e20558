package org.sitekeeper.core.internal.scheduling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.scheduling.JobTrigger;
import org.sitekeeper.core.internal.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class JobRegistryTest {

    private static final JobTrigger EVERY_MINUTE = JobTrigger.every(Duration.ofMinutes(1));

    private final MutableClock clock = MutableClock.at("2026-05-01T12:00:00Z");
    private final JobRegistry registry = new JobRegistry(clock);

    private JobRegistry.Registration register(String name, Runnable job) {
        JobRegistry.Registration registration = new JobRegistry.Registration("test job", EVERY_MINUTE, job);
        registry.put(name, registration);
        return registration;
    }

    @Test
    void recordsASuccessfulRunWithItsStartAndDuration() {
        JobRegistry.Registration job = register("uptime.dispatch", () -> clock.advance(Duration.ofMillis(1500)));

        registry.run("uptime.dispatch");

        assertThat(job.lastOutcome).isEqualTo("ok");
        assertThat(job.lastStarted).isEqualTo(clock.instant().minusMillis(1500));
        assertThat(job.lastDuration).isEqualTo(Duration.ofMillis(1500));
        assertThat(job.running).isFalse();
    }

    @Test
    void isMarkedRunningOnlyWhileItRuns() {
        AtomicBoolean runningInside = new AtomicBoolean();
        JobRegistry.Registration job =
                register("a.job", () -> runningInside.set(registry.get("a.job").orElseThrow().running));

        assertThat(job.running).isFalse();
        registry.run("a.job");

        assertThat(runningInside).isTrue();
        assertThat(job.running).isFalse();
    }

    @Test
    void aThrowingJobIsRecordedAsFailedAndNeverEscapes() {
        JobRegistry.Registration job = register("a.job", () -> {
            clock.advance(Duration.ofSeconds(2));
            throw new IllegalStateException("database is down");
        });

        assertThatNoException().isThrownBy(() -> registry.run("a.job"));

        assertThat(job.lastOutcome).isEqualTo("failed: database is down");
        assertThat(job.lastDuration).isEqualTo(Duration.ofSeconds(2));
        assertThat(job.running).isFalse();
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsType() {
        JobRegistry.Registration job = register("a.job", () -> {
            throw new NullPointerException();
        });

        registry.run("a.job");

        assertThat(job.lastOutcome).isEqualTo("failed: NullPointerException");
    }

    @Test
    void aLinkageErrorIsCaughtToo() {
        JobRegistry.Registration job = register("a.job", () -> {
            throw new NoClassDefFoundError("org/example/Gone");
        });

        assertThatNoException().isThrownBy(() -> registry.run("a.job"));

        assertThat(job.lastOutcome).isEqualTo("failed: org/example/Gone");
    }

    @Test
    void aLaterSuccessReplacesTheFailure() {
        AtomicInteger calls = new AtomicInteger();
        JobRegistry.Registration job = register("a.job", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first time");
            }
        });

        registry.run("a.job");
        registry.run("a.job");

        assertThat(calls).hasValue(2);
        assertThat(job.lastOutcome).isEqualTo("ok");
    }

    @Test
    void anUnknownNameIsIgnored() {
        AtomicInteger calls = new AtomicInteger();
        register("a.job", calls::incrementAndGet);

        assertThatNoException().isThrownBy(() -> registry.run("other.job"));
        assertThat(calls).hasValue(0);
    }

    @Test
    void aRemovedJobNoLongerRuns() {
        AtomicInteger calls = new AtomicInteger();
        register("a.job", calls::incrementAndGet);

        registry.remove("a.job");
        registry.run("a.job");

        assertThat(calls).hasValue(0);
        assertThat(registry.get("a.job")).isEmpty();
    }

    @Test
    void neverRunJobHasNoStatistics() {
        JobRegistry.Registration job = register("a.job", () -> {});

        assertThat(job.lastOutcome).isNull();
        assertThat(job.lastStarted).isNull();
        assertThat(job.lastDuration).isNull();
    }

    @Test
    void allIsASnapshot() {
        register("a.job", () -> {});
        var snapshot = registry.all();

        register("b.job", () -> {});

        assertThat(snapshot).containsOnlyKeys("a.job");
        assertThat(registry.all()).containsOnlyKeys("a.job", "b.job");
    }
}
