package org.sitekeeper.core.api.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class LatencyWindowTest {

    private static final long MS = 1_000_000;

    @Test
    void quantilesAreNaNBeforeAnythingIsRecorded() {
        LatencyWindow window = new LatencyWindow(8);

        assertThat(window.quantilesSeconds(0.5, 0.99)).containsExactly(Double.NaN, Double.NaN);
        assertThat(window.count()).isZero();
        assertThat(window.sumSeconds()).isZero();
    }

    @Test
    void quantilesSumAndCountInSeconds() {
        LatencyWindow window = new LatencyWindow(128);
        for (int ms = 100; ms >= 1; ms--) { // out of order on purpose
            window.record(ms * MS);
        }

        assertThat(window.quantilesSeconds(0.5, 0.9, 0.99)).containsExactly(0.05, 0.09, 0.099);
        assertThat(window.count()).isEqualTo(100);
        assertThat(window.sumSeconds()).isCloseTo(5.05, within(1e-9));
    }

    @Test
    void quantilesCoverOnlyTheMostRecentDurationsWhileSumAndCountCoverAll() {
        LatencyWindow window = new LatencyWindow(4);
        for (int i = 0; i < 10; i++) {
            window.record(1000 * MS); // old and slow
        }
        for (int i = 1; i <= 4; i++) {
            window.record(i * MS); // the last four
        }

        assertThat(window.quantilesSeconds(0.5, 1)).containsExactly(0.002, 0.004);
        assertThat(window.recentSorted()).containsExactly(MS, 2 * MS, 3 * MS, 4 * MS);
        assertThat(window.count()).isEqualTo(14);
        assertThat(window.sumSeconds()).isCloseTo(10.010, within(1e-9));
    }

    @Test
    void aPartlyFilledWindowUsesOnlyWhatWasRecorded() {
        LatencyWindow window = new LatencyWindow(1024);
        window.record(7 * MS);
        window.record(3 * MS);

        assertThat(window.recentSorted()).containsExactly(3 * MS, 7 * MS);
        assertThat(window.quantilesSeconds(0.5, 0.99)).containsExactly(0.003, 0.007);
    }

    @Test
    void negativeDurationsCountAsZero() {
        LatencyWindow window = new LatencyWindow(2);
        window.record(-5);

        assertThat(window.quantilesSeconds(0.5)).containsExactly(0.0);
        assertThat(window.sumSeconds()).isZero();
    }

    @Test
    void refusesACapacityThatIsNotAPowerOfTwo() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LatencyWindow(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new LatencyWindow(1000));
        assertThat(new LatencyWindow(1).capacity()).isEqualTo(1);
    }

    @Test
    void concurrentRecordingLosesNothingInCountAndSum() throws Exception {
        LatencyWindow window = new LatencyWindow(256);
        int threads = 8;
        int each = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long duration = (t + 1) * MS;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    window.record(duration);
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(window.count()).isEqualTo((long) threads * each);
        assertThat(window.sumSeconds()).isCloseTo(each * 0.036, within(1e-6)); // (1+…+8) ms each
        long[] recent = window.recentSorted();
        assertThat(recent).hasSize(256);
        assertThat(recent[0]).isGreaterThanOrEqualTo(MS);
        assertThat(recent[255]).isLessThanOrEqualTo(8 * MS);
    }
}
