package org.sitekeeper.uptime.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.sitekeeper.uptime.internal.domain.RollupBuckets.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitekeeper.uptime.internal.domain.RollupBuckets.dayStart;
import static org.sitekeeper.uptime.internal.domain.RollupBuckets.hourStart;
import static org.sitekeeper.uptime.internal.domain.RollupBuckets.windowStarts;

class RollupBucketsTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void anHourStartsOnTheFullUtcHour() {
        assertThat(hourStart(at("2026-03-01T10:00:00Z"))).isEqualTo(at("2026-03-01T10:00:00Z"));
        assertThat(hourStart(at("2026-03-01T10:59:59.999999999Z"))).isEqualTo(at("2026-03-01T10:00:00Z"));
        assertThat(hourStart(at("2026-03-01T11:00:00Z"))).isEqualTo(at("2026-03-01T11:00:00Z"));
        assertThat(hourStart(at("2026-03-01T10:30:00+05:45"))).isEqualTo(at("2026-03-01T04:00:00Z"));
        assertThat(hourStart(at("2023-12-31T23:59:59.999Z"))).isEqualTo(at("2023-12-31T23:00:00Z"));
        assertThat(hourStart(at("1969-12-31T23:30:00Z"))).isEqualTo(at("1969-12-31T23:00:00Z"));
    }

    @Test
    void aDayStartsAtMidnightUtcThroughTheLeapDay() {
        assertThat(dayStart(at("2024-02-28T23:59:59.999Z"))).isEqualTo(at("2024-02-28T00:00:00Z"));
        assertThat(dayStart(at("2024-02-29T00:00:00Z"))).isEqualTo(at("2024-02-29T00:00:00Z"));
        assertThat(dayStart(at("2024-02-29T23:59:59.999999999Z"))).isEqualTo(at("2024-02-29T00:00:00Z"));
        assertThat(dayStart(at("2024-03-01T00:00:00Z"))).isEqualTo(at("2024-03-01T00:00:00Z"));
        assertThat(dayStart(at("2023-02-28T23:59:59Z")).plus(Duration.ofDays(1)))
                .isEqualTo(at("2023-03-01T00:00:00Z"));
        assertThat(dayStart(at("2026-03-01T01:30:00+02:00"))).isEqualTo(at("2026-02-28T00:00:00Z"));
        assertThat(dayStart(at("2026-12-31T23:59:59Z"))).isEqualTo(at("2026-12-31T00:00:00Z"));
        assertThat(dayStart(at("1969-12-31T12:00:00Z"))).isEqualTo(at("1969-12-31T00:00:00Z"));
    }

    @Test
    void bucketStartsAgreeWithTheHelpersOnRandomInstants() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    (long) (random.nextDouble() * 4_000_000_000L) - 500_000_000L, random.nextInt(1_000_000_000));
            Instant hour = hourStart(instant);
            Instant day = dayStart(instant);

            assertThat(Period.HOUR.start(instant)).isEqualTo(hour);
            assertThat(Period.DAY.start(instant)).isEqualTo(day);
            assertThat(hour).isBeforeOrEqualTo(instant).isAfter(instant.minus(Duration.ofHours(1)));
            assertThat(day).isBeforeOrEqualTo(hour).isAfter(instant.minus(Duration.ofDays(1)));
            assertThat(Math.floorMod(hour.getEpochSecond(), 3600)).isZero();
            assertThat(Math.floorMod(day.getEpochSecond(), 86_400)).isZero();
            assertThat(hour.getNano()).isZero();
            assertThat(dayStart(hour)).isEqualTo(day);
            assertThat(hourStart(hour)).isEqualTo(hour);
        }
    }

    @Test
    void periodsHaveWireNamesAndLengths() {
        assertThat(Period.HOUR.wireName()).isEqualTo("h");
        assertThat(Period.DAY.wireName()).isEqualTo("d");
        assertThat(Period.HOUR.length()).isEqualTo(Duration.ofHours(1));
        assertThat(Period.DAY.length()).isEqualTo(Duration.ofHours(24));
        assertThat(Period.parse("h")).contains(Period.HOUR);
        assertThat(Period.parse("d")).contains(Period.DAY);
        assertThat(Period.parse("H")).isEmpty();
        assertThat(Period.parse("hour")).isEmpty();
        assertThat(Period.parse("")).isEmpty();
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void retentionIsFortyEightHoursEightDaysAndFourHundredDays() {
        assertThat(RollupBuckets.RAW_RETENTION).isEqualTo(Duration.ofHours(48));
        assertThat(RollupBuckets.HOUR_RETENTION).isEqualTo(Duration.ofDays(8));
        assertThat(RollupBuckets.DAY_RETENTION).isEqualTo(Duration.ofDays(400));
        assertThat(Period.HOUR.retention()).isEqualTo(RollupBuckets.HOUR_RETENTION);
        assertThat(Period.DAY.retention()).isEqualTo(RollupBuckets.DAY_RETENTION);

        Instant now = at("2026-03-10T10:20:00Z");
        assertThat(Period.HOUR.cutoff(now)).isEqualTo(at("2026-03-02T10:00:00Z"));
        assertThat(Period.DAY.cutoff(now)).isEqualTo(at("2025-02-03T00:00:00Z"));
    }

    @Test
    void theRetainedRollupsCoverTheWindowsTheyServe() {
        Instant now = at("2026-03-10T10:20:00Z");
        // 24 h and 7 d from hours, 30 d and 365 d from days: the oldest bucket needed is still kept
        assertThat(windowStarts(Period.HOUR, now, Duration.ofDays(7)).get(0)).isAfterOrEqualTo(Period.HOUR.cutoff(now));
        assertThat(windowStarts(Period.DAY, now, Duration.ofDays(365)).get(0)).isAfterOrEqualTo(Period.DAY.cutoff(now));
        // and the raw results outlive the hour being rolled up, with a day to spare
        assertThat(RollupBuckets.RAW_RETENTION).isGreaterThan(Duration.ofHours(25));
    }

    @Test
    void aWindowOnBucketBoundariesCoversExactlyItsBuckets() {
        List<Instant> starts = windowStarts(Period.HOUR, at("2026-03-10T10:00:00Z"), Duration.ofHours(24));

        assertThat(starts).hasSize(24);
        assertThat(starts.get(0)).isEqualTo(at("2026-03-09T10:00:00Z"));
        assertThat(starts.get(23)).isEqualTo(at("2026-03-10T09:00:00Z"));
        assertConsecutive(starts, Duration.ofHours(1));
    }

    @Test
    void aWindowEndingWithinABucketTakesThePartialBucketsAtBothEnds() {
        List<Instant> starts = windowStarts(Period.HOUR, at("2026-03-10T10:20:00Z"), Duration.ofHours(24));

        assertThat(starts).hasSize(25);
        assertThat(starts.get(0)).isEqualTo(at("2026-03-09T10:00:00Z"));
        assertThat(starts.get(24)).isEqualTo(at("2026-03-10T10:00:00Z"));
        assertConsecutive(starts, Duration.ofHours(1));

        // a millisecond into the hour already takes the current hour
        assertThat(windowStarts(Period.HOUR, at("2026-03-10T10:00:00.001Z"), Duration.ofHours(1)))
                .containsExactly(at("2026-03-10T09:00:00Z"), at("2026-03-10T10:00:00Z"));
        assertThat(windowStarts(Period.HOUR, at("2026-03-10T10:00:00Z"), Duration.ofMinutes(1)))
                .containsExactly(at("2026-03-10T09:00:00Z"));
    }

    @Test
    void aDayWindowCrossesTheLeapDay() {
        assertThat(windowStarts(Period.DAY, at("2024-03-02T12:00:00Z"), Duration.ofDays(7)))
                .containsExactly(
                        at("2024-02-24T00:00:00Z"),
                        at("2024-02-25T00:00:00Z"),
                        at("2024-02-26T00:00:00Z"),
                        at("2024-02-27T00:00:00Z"),
                        at("2024-02-28T00:00:00Z"),
                        at("2024-02-29T00:00:00Z"),
                        at("2024-03-01T00:00:00Z"),
                        at("2024-03-02T00:00:00Z"));
        assertThat(windowStarts(Period.DAY, at("2024-03-01T00:00:00Z"), Duration.ofDays(2)))
                .containsExactly(at("2024-02-28T00:00:00Z"), at("2024-02-29T00:00:00Z"));
        assertThat(windowStarts(Period.DAY, at("2023-03-01T00:00:00Z"), Duration.ofDays(2)))
                .containsExactly(at("2023-02-27T00:00:00Z"), at("2023-02-28T00:00:00Z"));
    }

    @Test
    void anHourWindowCrossesMidnightAndTheLeapDay() {
        List<Instant> starts = windowStarts(Period.HOUR, at("2024-03-01T01:30:00Z"), Duration.ofHours(27));

        assertThat(starts).hasSize(28);
        assertThat(starts.get(0)).isEqualTo(at("2024-02-28T22:00:00Z"));
        assertThat(starts).contains(at("2024-02-29T00:00:00Z"), at("2024-02-29T23:00:00Z"), at("2024-03-01T00:00:00Z"));
        assertThat(starts.get(27)).isEqualTo(at("2024-03-01T01:00:00Z"));
        assertConsecutive(starts, Duration.ofHours(1));
    }

    @Test
    void aYearOfDaysOverALeapYear() {
        List<Instant> starts = windowStarts(Period.DAY, at("2025-01-01T00:00:00Z"), Duration.ofDays(365));

        assertThat(starts).hasSize(365);
        assertThat(starts.get(0)).isEqualTo(at("2024-01-02T00:00:00Z")); // 2024 has 366 days
        assertThat(starts.get(364)).isEqualTo(at("2024-12-31T00:00:00Z"));
        assertThat(starts).contains(at("2024-02-29T00:00:00Z"));
        assertConsecutive(starts, Duration.ofDays(1));

        assertThat(windowStarts(Period.DAY, at("2025-06-15T08:00:00Z"), Duration.ofDays(30)))
                .hasSize(31)
                .startsWith(at("2025-05-16T00:00:00Z"))
                .endsWith(at("2025-06-15T00:00:00Z"));
    }

    @Test
    void windowsOnRandomInstantsCoverTheWindowAndAtMostOneBucketMore() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            Period period = random.nextBoolean() ? Period.HOUR : Period.DAY;
            Instant now = at("2020-01-01T00:00:00Z").plusMillis((long) (random.nextDouble() * 8 * 365 * 86_400_000L));
            if (random.nextInt(5) == 0) {
                now = period.start(now);
            }
            boolean whole = random.nextBoolean();
            Duration window = whole
                    ? period.length().multipliedBy(1 + random.nextInt(period == Period.HOUR ? 24 * 40 : 400))
                    : Duration.ofMillis(1 + (long) (random.nextDouble() * 40 * 86_400_000L));

            List<Instant> starts = windowStarts(period, now, window);
            Instant from = starts.get(0);
            Instant until = starts.get(starts.size() - 1).plus(period.length());

            assertThat(from).isEqualTo(period.start(from)).isBeforeOrEqualTo(now.minus(window));
            assertThat(from.plus(period.length())).isAfter(now.minus(window));
            assertThat(until).isAfterOrEqualTo(now);
            assertThat(starts.get(starts.size() - 1)).isBefore(now);
            Duration covered = Duration.between(from, until);
            assertThat(covered).isLessThan(window.plus(period.length()).plus(period.length()));
            if (whole) {
                assertThat(covered).isLessThanOrEqualTo(window.plus(period.length()));
                assertThat(starts)
                        .hasSize((int) window.dividedBy(period.length()) + (now.equals(period.start(now)) ? 0 : 1));
            }
            if (now.equals(period.start(now)) && whole) {
                assertThat(covered).isEqualTo(window);
            }
            assertConsecutive(starts, period.length());
        }
    }

    @Test
    void aWindowMustBePositiveAndReasonable() {
        Instant now = at("2026-03-10T10:20:00Z");

        assertThatThrownBy(() -> windowStarts(Period.HOUR, now, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> windowStarts(Period.DAY, now, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> windowStarts(Period.HOUR, now, Duration.ofDays(365 * 100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> windowStarts(null, now, Duration.ofHours(1))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> windowStarts(Period.HOUR, null, Duration.ofHours(1)))
                .isInstanceOf(NullPointerException.class);
        assertThat(windowStarts(Period.HOUR, now, Duration.ofDays(365))).hasSize(365 * 24 + 1);
    }

    private static void assertConsecutive(List<Instant> starts, Duration length) {
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).isEqualTo(length);
        }
    }
}
