package org.sitekeeper.uptime.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CheckScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:17:23.456Z");

    @Test
    void phaseIsStableAndWithinTheInterval() {
        for (int interval : new int[] {1, 30, 60, 300, 3600, 86_400}) {
            for (long id = 1; id <= 5000; id++) {
                long phase = CheckSchedule.phaseMillis(id, interval);
                assertThat(phase).isBetween(0L, interval * 1000L - 1);
                assertThat(CheckSchedule.phaseMillis(id, interval)).isEqualTo(phase);
            }
        }
        // large and negative ids too (floorMod, never a negative phase)
        for (long id : new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40}) {
            assertThat(CheckSchedule.phaseMillis(id, 300)).isBetween(0L, 299_999L);
        }
    }

    @Test
    void aHundredThousandConsecutiveIdsSpreadEvenlyOverFiveMinutes() {
        int interval = 300;
        int monitors = 100_000;
        int[] perSecond = new int[interval];
        for (long id = 1; id <= monitors; id++) {
            perSecond[(int) (CheckSchedule.phaseMillis(id, interval) / 1000)]++;
        }
        double mean = (double) monitors / interval;
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (int n : perSecond) {
            max = Math.max(max, n);
            min = Math.min(min, n);
        }
        assertThat(max).as("busiest second").isLessThanOrEqualTo((int) (2 * mean));
        assertThat(min).as("quietest second").isGreaterThanOrEqualTo((int) (mean / 2));

        // and no run of a few consecutive ids lands in the same second (no herd for an import in id order)
        int[] perTenMs = new int[interval * 100];
        for (long id = 1; id <= 1000; id++) {
            perTenMs[(int) (CheckSchedule.phaseMillis(id, interval) / 10)]++;
        }
        for (int n : perTenMs) {
            assertThat(n).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void idsSpreadEvenlyOverOtherIntervalsToo() {
        for (int interval : new int[] {30, 60, 3600}) {
            int buckets = 30;
            int[] counts = new int[buckets];
            for (long id = 1; id <= 30_000; id++) {
                counts[(int) (CheckSchedule.phaseMillis(id, interval) * buckets / (interval * 1000L))]++;
            }
            for (int n : counts) {
                assertThat(n).as("interval " + interval).isBetween(500, 1500);
            }
        }
    }

    @Test
    void nextSlotIsStrictlyAfterAlignedToThePhaseAndWithinOneInterval() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long id = 1 + random.nextInt(1_000_000);
            int interval = new int[] {30, 60, 300, 3600, 86_400}[random.nextInt(5)];
            Instant after = NOW.plusMillis(random.nextInt(1_000_000_000));
            Instant slot = CheckSchedule.nextSlot(id, interval, after);
            long intervalMs = interval * 1000L;

            assertThat(slot).isAfter(after);
            assertThat(slot.toEpochMilli() - after.toEpochMilli()).isLessThanOrEqualTo(intervalMs);
            assertThat(Math.floorMod(slot.toEpochMilli(), intervalMs))
                    .isEqualTo(CheckSchedule.phaseMillis(id, interval));
        }
    }

    @Test
    void aSlotItselfIsNotItsOwnNextSlot() {
        long id = 77;
        Instant slot = CheckSchedule.nextSlot(id, 300, NOW);
        assertThat(CheckSchedule.nextSlot(id, 300, slot)).isEqualTo(slot.plusSeconds(300));
        assertThat(CheckSchedule.nextSlot(id, 300, slot.minusMillis(1))).isEqualTo(slot);
    }

    @Test
    void slotsBeforeTheEpochWorkToo() {
        Instant before = Instant.ofEpochMilli(-123_456_789L);
        Instant slot = CheckSchedule.nextSlot(5, 60, before);
        assertThat(slot).isAfter(before);
        assertThat(Math.floorMod(slot.toEpochMilli(), 60_000L)).isEqualTo(CheckSchedule.phaseMillis(5, 60));
        assertThat(slot.toEpochMilli() - before.toEpochMilli()).isLessThanOrEqualTo(60_000L);
    }

    @Test
    void nextDueWithoutAStreakIsTheFirstSlotAtLeastHalfAnIntervalAway() {
        for (long id = 1; id < 200; id++) {
            Instant due = CheckSchedule.nextDue(id, 300, NOW, false, Duration.ofSeconds(10));
            assertThat(due).isEqualTo(CheckSchedule.nextSlot(id, 300, NOW.plusSeconds(150)));
            assertThat(Duration.between(NOW, due))
                    .isGreaterThan(Duration.ofSeconds(150))
                    .isLessThanOrEqualTo(Duration.ofSeconds(450));
            // a check on its slot is followed by the next slot, one interval later
            Instant onSlot = CheckSchedule.nextSlot(id, 300, NOW);
            assertThat(CheckSchedule.nextDue(id, 300, onSlot.plusMillis(300), false, Duration.ofSeconds(10)))
                    .isEqualTo(onSlot.plusSeconds(300));
        }
    }

    @Test
    void nextDueWhileConfirmingIsSoonerByTheConfirmationDelay() {
        long id = 1234;
        Instant slot = CheckSchedule.nextSlot(id, 300, NOW);
        Instant justAfterASlot = slot.plusMillis(1); // the next slot is almost a whole interval away

        assertThat(CheckSchedule.nextDue(id, 300, justAfterASlot, true, Duration.ofSeconds(20)))
                .isEqualTo(justAfterASlot.plusSeconds(20));
    }

    @Test
    void theConfirmationDelayIsCappedAtHalfTheInterval() {
        long id = 1234;
        Instant justAfterASlot = CheckSchedule.nextSlot(id, 300, NOW).plusMillis(1);

        assertThat(CheckSchedule.nextDue(id, 300, justAfterASlot, true, Duration.ofHours(1)))
                .isEqualTo(justAfterASlot.plusSeconds(150));
        assertThat(CheckSchedule.nextDue(id, 301, NOW, true, Duration.ofHours(1)))
                .isBeforeOrEqualTo(NOW.plusMillis(150_500));
        assertThat(CheckSchedule.nextDue(id, 300, justAfterASlot, true, Duration.ofSeconds(150)))
                .isEqualTo(justAfterASlot.plusSeconds(150));
    }

    @Test
    void theNextSlotWinsWhenItComesBeforeTheConfirmationDelay() {
        long id = 99;
        Instant slot = CheckSchedule.nextSlot(id, 30, NOW);
        Instant justBeforeHalfAnIntervalEarlier = slot.minusSeconds(16);

        // the confirmation delay (20 s) is capped at half the interval (15 s); the slot 16 s away is not sooner
        assertThat(CheckSchedule.nextDue(id, 30, justBeforeHalfAnIntervalEarlier, true, Duration.ofSeconds(20)))
                .isEqualTo(justBeforeHalfAnIntervalEarlier.plusSeconds(15));
        Instant slotSoonerThanDelay = slot.minusSeconds(15).minusMillis(1);
        assertThat(CheckSchedule.nextDue(id, 300, slotSoonerThanDelay.minusSeconds(135), true, Duration.ofSeconds(200)))
                .isBeforeOrEqualTo(slotSoonerThanDelay.minusSeconds(135).plusSeconds(150));
    }

    @Test
    void nextDueIsAlwaysAfterNowAndNoLaterThanTheNextSlot() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long id = random.nextInt(100_000);
            int interval = 30 + random.nextInt(3600);
            Instant now = NOW.plusMillis(random.nextInt(100_000_000));
            Duration delay = Duration.ofMillis(1 + random.nextInt(7_200_000));
            Instant slot = CheckSchedule.nextSlot(id, interval, now.plusMillis(interval * 1000L / 2));
            Instant due = CheckSchedule.nextDue(id, interval, now, true, delay);

            assertThat(due).isAfter(now).isBeforeOrEqualTo(slot);
            assertThat(Duration.between(now, due)).isLessThanOrEqualTo(Duration.ofMillis(interval * 1000L / 2));
        }
    }

    @Test
    void refusesIntervalsBelowOneSecond() {
        assertThatIllegalArgumentException().isThrownBy(() -> CheckSchedule.phaseMillis(1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> CheckSchedule.nextSlot(1, -5, NOW));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CheckSchedule.nextDue(1, 0, NOW, true, Duration.ofSeconds(1)));
    }
}
