package org.sitekeeper.core.api.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotTest {

    private long now = 1_000;

    @Test
    void takenOnceThenAgainOnlyWhenOlderThanTheMaximumAge() {
        AtomicInteger takes = new AtomicInteger();
        Snapshot<Integer> snapshot = new Snapshot<>(Duration.ofNanos(100), takes::incrementAndGet, () -> now);

        assertThat(snapshot.get()).isEqualTo(1);
        now += 100;
        assertThat(snapshot.get()).as("exactly the maximum age is still fresh").isEqualTo(1);
        now += 1;
        assertThat(snapshot.get()).isEqualTo(2);
        assertThat(takes).hasValue(2);
    }

    @Test
    void aFailedTakeFailsThatCallAndKeepsTheOldValue() {
        boolean[] fail = {false};
        Snapshot<String> snapshot = new Snapshot<>(
                Duration.ofNanos(10),
                () -> {
                    if (fail[0]) {
                        throw new IllegalStateException("table unreadable");
                    }
                    return "v" + now;
                },
                () -> now);
        assertThat(snapshot.get()).isEqualTo("v1000");
        fail[0] = true;
        now += 50;
        assertThatThrownBy(snapshot::get).hasMessage("table unreadable");
        fail[0] = false;
        assertThat(snapshot.get()).isEqualTo("v1050");
    }
}
