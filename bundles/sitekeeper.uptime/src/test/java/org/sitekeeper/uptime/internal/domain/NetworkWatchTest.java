package org.sitekeeper.uptime.internal.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkWatchTest {

    private static final long WINDOW = 60_000;
    private static final long T0 = 1_800_000_000_000L;

    /** Offline when at least 20 checks in the last minute, 80 % of them failing, at 5 or more hosts. */
    private static NetworkWatch watch() {
        return new NetworkWatch(WINDOW, 20, 5, 0.8);
    }

    @Test
    void manyFailuresAcrossManyHostsMeanTheHubIsOffline() {
        NetworkWatch w = watch();
        for (int i = 0; i < 20; i++) {
            w.record(T0 + i, true, "host-" + (i % 10) + ".example");
        }

        String reason = w.offlineReason(T0 + 100);

        assertThat(reason)
                .isEqualTo("20 of the last 20 checks could not reach 5 or more different targets:"
                        + " the hub's own network looks down");
    }

    @Test
    void aSingleDeadHostFailingManyTimesIsNotAnOutageOfTheHub() {
        NetworkWatch w = watch();
        for (int i = 0; i < 500; i++) {
            w.record(T0 + i, true, "dead.example");
        }
        assertThat(w.offlineReason(T0 + 500)).isNull();

        // four dead hosts are still fewer than five
        for (int i = 0; i < 500; i++) {
            w.record(T0 + 500 + i, true, "dead-" + (i % 3) + ".example");
        }
        assertThat(w.offlineReason(T0 + 1000)).isNull();

        // the fifth makes it the hub
        w.record(T0 + 1001, true, "fifth.example");
        assertThat(w.offlineReason(T0 + 1001)).isNotNull();
    }

    @Test
    void tooFewChecksAreNoEvidence() {
        NetworkWatch w = watch();
        for (int i = 0; i < 19; i++) {
            w.record(T0 + i, true, "host-" + i);
        }
        assertThat(w.offlineReason(T0 + 20)).isNull();

        w.record(T0 + 19, true, "host-19");
        assertThat(w.offlineReason(T0 + 20)).isNotNull();
    }

    @Test
    void enoughSuccessesMeanTheNetworkWorks() {
        NetworkWatch w = watch();
        for (int i = 0; i < 79; i++) {
            w.record(T0 + i, true, "host-" + i);
        }
        for (int i = 0; i < 21; i++) {
            w.record(T0 + 100 + i, false, "ok-" + i);
        }
        assertThat(w.offlineReason(T0 + 200)).as("79 % failed").isNull();

        NetworkWatch exactly = watch();
        for (int i = 0; i < 80; i++) {
            exactly.record(T0 + i, true, "host-" + i);
        }
        for (int i = 0; i < 20; i++) {
            exactly.record(T0 + 100 + i, false, "ok-" + i);
        }
        assertThat(exactly.offlineReason(T0 + 200)).as("80 % failed").startsWith("80 of the last 100 checks");
    }

    @Test
    void failuresLeaveTheWindow() {
        NetworkWatch w = watch();
        for (int i = 0; i < 30; i++) {
            w.record(T0 + i * 1000L, true, "host-" + i);
        }
        long last = T0 + 29_000;
        assertThat(w.offlineReason(last)).isNotNull();

        // a sample exactly one window old still counts; one a millisecond older does not
        assertThat(w.offlineReason(T0 + 10_000 + WINDOW)).isNotNull(); // samples 10..29: 20 checks
        assertThat(w.offlineReason(T0 + 10_000 + WINDOW + 1)).isNull(); // 19 checks
        assertThat(w.offlineReason(last + WINDOW + 1)).isNull();
    }

    @Test
    void theHubComesBackWhenChecksSucceedAgain() {
        NetworkWatch w = watch();
        for (int i = 0; i < 50; i++) {
            w.record(T0 + i, true, "host-" + i);
        }
        assertThat(w.offlineReason(T0 + 50)).isNotNull();

        for (int i = 0; i < 20; i++) {
            w.record(T0 + 100 + i, false, "host-" + i);
        }
        assertThat(w.offlineReason(T0 + 200)).isNull(); // 50 of 70 failed: 71 %
    }

    @Test
    void oldSamplesAreForgottenWhenRecordingToo() {
        NetworkWatch w = watch();
        for (int i = 0; i < 50; i++) {
            w.record(T0 + i, true, "host-" + i);
        }
        // much later: the old failures are gone, the new successes alone decide
        for (int i = 0; i < 25; i++) {
            w.record(T0 + 10 * WINDOW + i, false, "host-" + i);
        }
        assertThat(w.offlineReason(T0 + 10 * WINDOW + 25)).isNull();
        for (int i = 0; i < 25; i++) {
            w.record(T0 + 10 * WINDOW + 100 + i, true, "host-" + i);
        }
        assertThat(w.offlineReason(T0 + 10 * WINDOW + 200)).isNull(); // 25 of 50 failed
    }

    @Test
    void memoryIsBoundedToTheLatestHundredThousandChecks() {
        NetworkWatch w = new NetworkWatch(Long.MAX_VALUE / 4, 20, 5, 0.5);
        for (int i = 0; i < 10; i++) {
            w.record(T0, true, "host-" + i);
        }
        for (int i = 0; i < 100_000; i++) {
            w.record(T0 + 1, true, "dead.example");
        }
        // the ten distinct hosts have been pushed out: only one target fails now
        assertThat(w.offlineReason(T0 + 2)).isNull();
    }
}
