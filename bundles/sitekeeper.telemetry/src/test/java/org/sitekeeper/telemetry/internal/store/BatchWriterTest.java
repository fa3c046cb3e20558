package org.sitekeeper.telemetry.internal.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.error.UnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchWriterTest {

    @Test
    void itemsQueuedWhileABatchIsWrittenGoIntoTheNextBatchTogether() throws Exception {
        CountDownLatch firstBatchEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> sizes = new ArrayList<>();
        BatchWriter<Integer, String> writer = new BatchWriter<>("test", 100, 50, batch -> {
            synchronized (sizes) {
                sizes.add(batch.size());
            }
            firstBatchEntered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch.stream().map(i -> "w" + i).toList();
        });
        writer.start();
        CompletableFuture<String> first = writer.submit(0);
        assertThat(firstBatchEntered.await(5, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<String>> rest = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rest.add(writer.submit(i));
        }
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("w0");
        for (int i = 0; i < rest.size(); i++) {
            assertThat(rest.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("w" + (i + 1));
        }
        assertThat(sizes).containsExactly(1, 30);
        assertThat(writer.stats().written()).isEqualTo(31);
        assertThat(writer.stats().batches()).isEqualTo(2);
        writer.stop(Duration.ofSeconds(5));
    }

    @Test
    void itemsBeingWrittenCountAgainstTheCapacityAndARefusalCarriesARetryHint() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        BatchWriter<Integer, Integer> writer = new BatchWriter<>("test", 2, 1, batch -> {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch;
        });
        writer.start();
        CompletableFuture<Integer> first = writer.submit(1);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue(); // taken by the writer, which now waits
        CompletableFuture<Integer> second = writer.submit(2);
        assertThat(writer.stats().queued()).isEqualTo(2);
        assertThatThrownBy(() -> writer.submit(3))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.retryAfter())
                        .isPresent());
        assertThat(writer.stats().rejected()).isEqualTo(1);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        // the slots are back: two more fit again
        assertThat(writer.submit(4).get(5, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(writer.submit(5).get(5, TimeUnit.SECONDS)).isEqualTo(5);
        assertThat(writer.stats().queued()).isZero();
        assertThat(writer.stats().rejected()).isEqualTo(1);
        writer.stop(Duration.ofSeconds(5));
    }

    @Test
    void refuseWhenFullRefusesOnlyWhileEverySlotIsTaken() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BatchWriter<Integer, Integer> writer = new BatchWriter<>("test", 1, 1, batch -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch;
        });
        writer.start();
        writer.refuseWhenFull(); // room: nothing thrown
        CompletableFuture<Integer> held = writer.submit(1);
        assertThatThrownBy(writer::refuseWhenFull)
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.retryAfter())
                        .isPresent());
        assertThat(writer.stats().rejected()).isEqualTo(1);
        release.countDown();
        assertThat(held.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        writer.refuseWhenFull();
        writer.stop(Duration.ofSeconds(5));
    }

    @Test
    void severalWritersShareTheWorkAndEachKeyStaysWithOneWriter() throws Exception {
        java.util.Map<Integer, java.util.Set<String>> writersOfKey = new java.util.concurrent.ConcurrentHashMap<>();
        BatchWriter<Integer, Integer> writer = new BatchWriter<>("test", 1000, 10, 3, i -> i % 7, batch -> {
            for (Integer i : batch) {
                writersOfKey
                        .computeIfAbsent(i % 7, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                        .add(Thread.currentThread().getName());
            }
            return batch;
        });
        writer.start();
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            all.add(writer.submit(i));
        }
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(writersOfKey).hasSize(7);
        writersOfKey.forEach((key, names) -> assertThat(names).as("key " + key).hasSize(1));
        assertThat(writersOfKey.values().stream().flatMap(java.util.Set::stream).distinct())
                .as("more than one writer worked")
                .hasSizeGreaterThan(1);
        assertThat(writer.stats().written()).isEqualTo(700);
        assertThat(writer.stats().queued()).isZero();
        writer.stop(Duration.ofSeconds(5));
    }

    @Test
    void aFailedBatchGivesItsSlotsBackToo() throws Exception {
        boolean[] fail = {true};
        BatchWriter<Integer, Integer> writer = new BatchWriter<>("test", 1, 1, batch -> {
            if (fail[0]) {
                throw new IllegalStateException("locked");
            }
            return batch;
        });
        writer.start();
        assertThatThrownBy(() -> writer.submit(1).get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        fail[0] = false;
        assertThat(writer.submit(2).get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(writer.stats().failed()).isEqualTo(1);
        assertThat(writer.stats().written()).isEqualTo(1);
        writer.stop(Duration.ofSeconds(5));
    }

    @Test
    void aBatchThatCannotBeWrittenFailsEveryItemOfIt() {
        BatchWriter<Integer, Integer> writer = new BatchWriter<>("test", 10, 10, batch -> {
            throw new IllegalStateException("disk full");
        });
        writer.start();
        CompletableFuture<Integer> item = writer.submit(1);
        assertThatThrownBy(() -> item.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("disk full");
        assertThat(writer.stats().failed()).isEqualTo(1);
        writer.stop(Duration.ofSeconds(5));
        assertThatThrownBy(() -> writer.submit(2)).isInstanceOf(UnavailableException.class);
    }
}
