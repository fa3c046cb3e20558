package org.sitekeeper.core.internal.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleFlightTest {

    private final SingleFlight<String, String> flight = new SingleFlight<>();

    @Test
    void concurrentCallersForOneKeyShareOneComputation() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<String> leader = pool.submit(() -> flight.run("k", () -> {
                computations.incrementAndGet();
                started.countDown();
                await(release);
                return "hashed";
            }));
            started.await(5, TimeUnit.SECONDS);
            List<Future<String>> followers = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                followers.add(pool.submit(() -> flight.run("k", () -> {
                    computations.incrementAndGet();
                    return "again";
                })));
            }
            // followers are waiting on the leader: nothing else has computed
            assertThat(computations).hasValue(1);
            release.countDown();
            assertThat(leader.get(5, TimeUnit.SECONDS)).isEqualTo("hashed");
            for (Future<String> follower : followers) {
                String value = follower.get(5, TimeUnit.SECONDS);
                // a follower that arrived after the leader finished computes on its own: either answer is fine
                assertThat(value).isIn("hashed", "again");
            }
            assertThat(computations.get()).isLessThanOrEqualTo(8);
            assertThat(flight.inFlight()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void differentKeysDoNotWaitForEachOther() {
        assertThat(flight.run("a", () -> flight.run("b", () -> "nested"))).isEqualTo("nested");
    }

    @Test
    void aFailureReachesTheCallerAndIsNotRemembered() {
        assertThatThrownBy(() -> flight.run("k", () -> {
                    throw new IllegalStateException("database down");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("database down");
        assertThat(flight.run("k", () -> "recovered")).isEqualTo("recovered");
        assertThat(flight.inFlight()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
