package org.sitekeeper.uptime.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.internal.domain.RollupBuckets.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.sitekeeper.uptime.api.MonitorState.DOWN;
import static org.sitekeeper.uptime.api.MonitorState.PAUSED;
import static org.sitekeeper.uptime.api.MonitorState.UNKNOWN;
import static org.sitekeeper.uptime.api.MonitorState.UP;
import static org.sitekeeper.uptime.internal.domain.ResponseHistogram.MAX_MS;

class RollupTest {

    /** One raw check result. */
    record Result(Instant at, MonitorState outcome, Integer ms) {}

    private static Rollup rollupOf(List<Result> results) {
        Rollup rollup = new Rollup();
        for (Result result : results) {
            rollup.add(result.outcome(), result.ms());
        }
        return rollup;
    }

    /** The results from {@code from} inclusive to {@code until} exclusive, of results in chronological order. */
    private static List<Result> between(List<Result> results, Instant from, Instant until) {
        return results.subList(firstAtOrAfter(results, from), firstAtOrAfter(results, until));
    }

    private static int firstAtOrAfter(List<Result> results, Instant at) {
        int low = 0;
        int high = results.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (results.get(middle).at().isBefore(at)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * A monitor's results over 2 to 6 days: checks every 20 s to 10 min with jitter, outages (runs of DOWN), hub
     * trouble (runs of UNKNOWN), gaps with no checks at all, missing and heavy-tailed response times, times on
     * failed checks (which must not count), times beyond the maximum. One in four streams spans the 2024 leap day.
     */
    static List<Result> stream(long seed) {
        Random random = new Random(seed);
        Instant start = seed % 4 == 0
                ? Instant.parse("2024-02-27T21:17:03.250Z")
                : Instant.parse("2023-01-01T00:00:00Z")
                        .plusMillis((long) (random.nextDouble() * 3 * 365 * 86_400_000L));
        Instant end = start.plus(Duration.ofHours(48 + random.nextInt(5 * 24)));
        long intervalMs = 20_000 + random.nextInt(580_000);
        double outageChance = random.nextDouble() * 0.02;
        double troubleChance = random.nextDouble() * 0.01;
        double gapChance = random.nextDouble() * 0.002;
        int median = 1 + random.nextInt(seed % 5 == 0 ? 30 : 2000);
        List<Result> results = new ArrayList<>();
        MonitorState mode = UP;
        int remaining = 0;
        for (Instant at = start; at.isBefore(end); at = at.plusMillis(intervalMs + random.nextInt(5000) - 2500)) {
            if (random.nextDouble() < gapChance) {
                at = at.plus(Duration.ofMinutes(random.nextInt(600))); // the hub was off: no results at all
                continue;
            }
            if (remaining == 0) {
                double roll = random.nextDouble();
                mode = roll < outageChance ? DOWN : roll < outageChance + troubleChance ? UNKNOWN : UP;
                remaining = mode == UP ? 1 : 1 + random.nextInt(40);
            }
            remaining--;
            MonitorState outcome = mode;
            if (mode == UP && random.nextDouble() < 0.01) {
                outcome = random.nextBoolean() ? DOWN : UNKNOWN; // a single blip
            }
            Integer ms;
            double roll = random.nextDouble();
            if (outcome == UP) {
                ms = roll < 0.05 ? null : ResponseHistogramTest.responseTime(random, median);
            } else {
                ms = roll < 0.3 ? random.nextInt(2 * MAX_MS) : null; // an error page, a timeout: not counted
            }
            results.add(new Result(at, outcome, ms));
        }
        for (int i = 1; i < results.size(); i++) {
            assertThat(results.get(i).at()).isAfter(results.get(i - 1).at());
        }
        return results;
    }

    /** Checks {@code rollup} against {@code results} with plain arithmetic, not through another rollup. */
    private static void assertSummarizes(Rollup rollup, List<Result> results) {
        long up = 0;
        long down = 0;
        long unknown = 0;
        long sum = 0;
        List<Integer> times = new ArrayList<>();
        for (Result result : results) {
            switch (result.outcome()) {
                case UP -> {
                    up++;
                    if (result.ms() != null) {
                        int ms = Math.min(result.ms(), MAX_MS);
                        sum += ms;
                        times.add(ms);
                    }
                }
                case DOWN -> down++;
                case UNKNOWN -> unknown++;
                default -> throw new AssertionError(result);
            }
        }
        assertThat(rollup.up()).isEqualTo(up);
        assertThat(rollup.down()).isEqualTo(down);
        assertThat(rollup.unknown()).isEqualTo(unknown);
        assertThat(rollup.checks()).isEqualTo(results.size());
        assertThat(rollup.sumResponseMs()).isEqualTo(sum);
        assertThat(rollup.responseCount()).isEqualTo(times.size());
        assertThat(rollup.histogram().count()).isEqualTo(times.size());
        if (up + down == 0) {
            assertThat(rollup.uptimePercent()).isNull();
        } else {
            assertThat(rollup.uptimePercent()).isCloseTo(100.0 * up / (up + down), within(1e-9));
        }
        if (times.isEmpty()) {
            assertThat(rollup.avgResponseMs()).isNull();
            assertThat(rollup.p95ResponseMs()).isNull();
        } else {
            int avg = BigDecimal.valueOf(sum)
                    .divide(BigDecimal.valueOf(times.size()), 0, RoundingMode.HALF_UP)
                    .intValueExact();
            assertThat(rollup.avgResponseMs()).isEqualTo(avg);
            int[] sorted = times.stream().mapToInt(Integer::intValue).sorted().toArray();
            int exact = ResponseHistogramTest.exactQuantile(sorted, 0.95);
            assertThat(ResponseHistogramTest.withinFivePercent(rollup.p95ResponseMs(), exact))
                    .as("p95 %s against exact %s", rollup.p95ResponseMs(), exact)
                    .isTrue();
        }
    }

    private static Rollup roundTrip(Rollup rollup) {
        String encoded = rollup.histogram().encode();
        assertThat(encoded).hasSizeLessThanOrEqualTo(ResponseHistogram.MAX_ENCODED_LENGTH);
        return Rollup.of(
                rollup.up(),
                rollup.down(),
                rollup.unknown(),
                rollup.sumResponseMs(),
                rollup.responseCount(),
                ResponseHistogram.decode(encoded));
    }

    @Test
    void incrementalHourRollupsAddUpToWhatTheRawResultsGive() {
        int windowsChecked = 0;
        for (long seed = 0; seed < 120; seed++) {
            List<Result> results = stream(seed);
            Random random = new Random(~seed);

            // incrementally, as the engine does: each result into its hour
            Map<Instant, Rollup> hours = new TreeMap<>();
            for (Result result : results) {
                hours.computeIfAbsent(RollupBuckets.hourStart(result.at()), h -> new Rollup())
                        .add(result.outcome(), result.ms());
            }
            for (Map.Entry<Instant, Rollup> hour : hours.entrySet()) {
                List<Result> raw = between(results, hour.getKey(), hour.getKey().plus(Duration.ofHours(1)));
                assertThat(hour.getValue()).isEqualTo(rollupOf(raw));
                assertSummarizes(hour.getValue(), raw);
                assertThat(roundTrip(hour.getValue())).isEqualTo(hour.getValue());
            }

            // days as merges of their hours, in any order
            Map<Instant, List<Rollup>> hoursByDay = new TreeMap<>();
            for (Map.Entry<Instant, Rollup> hour : hours.entrySet()) {
                hoursByDay
                        .computeIfAbsent(RollupBuckets.dayStart(hour.getKey()), d -> new ArrayList<>())
                        .add(hour.getValue());
            }
            Map<Instant, Rollup> days = new TreeMap<>();
            for (Map.Entry<Instant, List<Rollup>> day : hoursByDay.entrySet()) {
                assertThat(day.getValue()).hasSizeBetween(1, 24);
                Rollup merged = new Rollup();
                day.getValue().forEach(merged::merge);
                List<Rollup> shuffled = new ArrayList<>(day.getValue());
                Collections.shuffle(shuffled, random);
                Rollup mergedShuffled = new Rollup();
                shuffled.forEach(mergedShuffled::merge);

                List<Result> raw = between(results, day.getKey(), day.getKey().plus(Duration.ofDays(1)));
                Rollup direct = rollupOf(raw);
                assertThat(merged).isEqualTo(direct).isEqualTo(mergedShuffled);
                assertThat(merged.hashCode()).isEqualTo(direct.hashCode());
                assertSummarizes(merged, raw);
                assertThat(roundTrip(merged)).isEqualTo(direct);
                days.put(day.getKey(), merged);
            }
            assertThat(days.values().stream().mapToLong(Rollup::checks).sum()).isEqualTo(results.size());

            // windows of either period, ending anywhere in the stream
            Instant first = results.get(0).at();
            Instant last = results.get(results.size() - 1).at();
            for (int w = 0; w < 10; w++) {
                Period period = random.nextBoolean() ? Period.HOUR : Period.DAY;
                Map<Instant, Rollup> buckets = period == Period.HOUR ? hours : days;
                Instant now = first.plusMillis((long)
                        (random.nextDouble() * (Duration.between(first, last).toMillis() + 3_600_000L)));
                if (random.nextInt(4) == 0) {
                    now = period.start(now); // on a bucket boundary
                }
                Duration window = period == Period.HOUR
                        ? Duration.ofHours(1 + random.nextInt(7 * 24))
                        : Duration.ofDays(1 + random.nextInt(8));

                List<Instant> starts = RollupBuckets.windowStarts(period, now, window);
                Rollup merged = new Rollup();
                for (Instant start : starts) {
                    Rollup bucket = buckets.get(start);
                    if (bucket != null) {
                        merged.merge(bucket);
                    }
                }
                Instant from = starts.get(0);
                Instant until = starts.get(starts.size() - 1).plus(period.length());
                assertThat(from).isBeforeOrEqualTo(now.minus(window));
                assertThat(until).isAfterOrEqualTo(now);
                assertThat(Duration.between(from, until)).isLessThanOrEqualTo(window.plus(period.length()));
                List<Result> raw = between(results, from, until);
                assertThat(merged).isEqualTo(rollupOf(raw));
                assertSummarizes(merged, raw);
                assertThat(merged.checks())
                        .isGreaterThanOrEqualTo(
                                between(results, now.minus(window), now).size());
                windowsChecked++;
            }
        }
        assertThat(windowsChecked).isEqualTo(1200);
    }

    @Test
    void theStreamsAreVaried() {
        long unknown = 0;
        long down = 0;
        long beyondMax = 0;
        long leapDay = 0;
        for (long seed = 0; seed < 120; seed++) {
            for (Result result : stream(seed)) {
                unknown += result.outcome() == UNKNOWN ? 1 : 0;
                down += result.outcome() == DOWN ? 1 : 0;
                beyondMax += result.ms() != null && result.ms() > MAX_MS ? 1 : 0;
                leapDay += RollupBuckets.dayStart(result.at()).equals(Instant.parse("2024-02-29T00:00:00Z")) ? 1 : 0;
            }
        }
        assertThat(unknown).isGreaterThan(100);
        assertThat(down).isGreaterThan(100);
        assertThat(beyondMax).isGreaterThan(100);
        assertThat(leapDay).isGreaterThan(100);
    }

    @Test
    void uptimeCountsUpAgainstDownAndLeavesUnknownOut() {
        Rollup rollup = new Rollup();
        for (int i = 0; i < 3; i++) {
            rollup.add(UP, 100);
        }
        rollup.add(DOWN, null);
        for (int i = 0; i < 5; i++) {
            rollup.add(UNKNOWN, null);
        }

        assertThat(rollup.uptimePercent()).isEqualTo(75.0);
        assertThat(rollup.checks()).isEqualTo(9);
        assertThat(rollup.up()).isEqualTo(3);
        assertThat(rollup.down()).isEqualTo(1);
        assertThat(rollup.unknown()).isEqualTo(5);
    }

    @Test
    void uptimeIsUnknownWithoutAnUpOrDownResult() {
        assertThat(new Rollup().uptimePercent()).isNull();
        assertThat(new Rollup().isEmpty()).isTrue();
        Rollup onlyUnknown = new Rollup().add(UNKNOWN, null).add(UNKNOWN, 12);

        assertThat(onlyUnknown.uptimePercent()).isNull();
        assertThat(onlyUnknown.checks()).isEqualTo(2);
        assertThat(onlyUnknown.isEmpty()).isFalse();
    }

    @Test
    void uptimeRunsFromZeroToAHundred() {
        assertThat(new Rollup().add(DOWN, null).add(DOWN, 30).uptimePercent()).isEqualTo(0.0);
        assertThat(new Rollup().add(UP, null).add(UNKNOWN, null).uptimePercent())
                .isEqualTo(100.0);
        Rollup twoThirds = new Rollup().add(UP, 1).add(UP, 1).add(DOWN, null);
        assertThat(twoThirds.uptimePercent()).isCloseTo(66.6667, within(1e-4));
    }

    @Test
    void theAverageIsRoundedHalfUp() {
        assertThat(new Rollup().add(UP, 1).add(UP, 2).avgResponseMs()).isEqualTo(2);
        assertThat(new Rollup().add(UP, 1).add(UP, 1).add(UP, 2).avgResponseMs())
                .isEqualTo(1);
        assertThat(new Rollup().add(UP, 1).add(UP, 2).add(UP, 2).avgResponseMs())
                .isEqualTo(2);
        assertThat(new Rollup().add(UP, 0).avgResponseMs()).isZero();
        assertThat(new Rollup().add(UP, 250).add(UP, 350).avgResponseMs()).isEqualTo(300);
    }

    @Test
    void onlyUpResultsWithATimeCountTowardsResponseTimes() {
        Rollup rollup = new Rollup()
                .add(DOWN, 5000)
                .add(UNKNOWN, 9000)
                .add(UP, null)
                .add(UP, 100)
                .add(UP, 300);

        assertThat(rollup.responseCount()).isEqualTo(2);
        assertThat(rollup.sumResponseMs()).isEqualTo(400);
        assertThat(rollup.avgResponseMs()).isEqualTo(200);
        assertThat(rollup.p95ResponseMs()).isBetween(285, 315);
        assertThat(rollup.histogram())
                .isEqualTo(new ResponseHistogram().add(100).add(300));
        assertThat(rollup.up()).isEqualTo(3);
        assertThat(rollup.checks()).isEqualTo(5);
    }

    @Test
    void withoutResponseTimesThereIsNoAverageNorP95() {
        Rollup rollup = new Rollup().add(UP, null).add(DOWN, 40);

        assertThat(rollup.uptimePercent()).isEqualTo(50.0);
        assertThat(rollup.avgResponseMs()).isNull();
        assertThat(rollup.p95ResponseMs()).isNull();
        assertThat(new Rollup().avgResponseMs()).isNull();
        assertThat(new Rollup().p95ResponseMs()).isNull();
    }

    @Test
    void theP95IsTheNearestRank() {
        Rollup rollup = new Rollup();
        for (int ms = 1; ms <= 20; ms++) {
            rollup.add(UP, ms);
        }
        assertThat(rollup.p95ResponseMs()).isEqualTo(19);
        assertThat(rollup.avgResponseMs()).isEqualTo(11); // 10.5 rounded up
    }

    @Test
    void timesBeyondTheMaximumCountAsTheMaximum() {
        Rollup rollup = new Rollup().add(UP, 700_000).add(UP, Integer.MAX_VALUE);

        assertThat(rollup.sumResponseMs()).isEqualTo(2L * MAX_MS);
        assertThat(rollup.avgResponseMs()).isEqualTo(MAX_MS);
        assertThat(rollup.p95ResponseMs()).isLessThanOrEqualTo(MAX_MS).isGreaterThanOrEqualTo(MAX_MS * 95 / 100);
        assertThat(rollup).isEqualTo(new Rollup().add(UP, MAX_MS).add(UP, MAX_MS));
    }

    @Test
    void pausedNullAndNegativeAreRejected() {
        Rollup rollup = new Rollup().add(UP, 10);

        assertThatThrownBy(() -> rollup.add(PAUSED, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rollup.add(null, 10)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> rollup.add(UP, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rollup.add(DOWN, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(rollup).isEqualTo(new Rollup().add(UP, 10));
    }

    @Test
    void mergeAddsEverythingAndLeavesTheOtherAlone() {
        Rollup a = new Rollup().add(UP, 100).add(DOWN, null);
        Rollup b = new Rollup().add(UP, 300).add(UNKNOWN, null).add(UP, null);

        assertThat(a.merge(b))
                .isEqualTo(new Rollup()
                        .add(UP, 100)
                        .add(DOWN, null)
                        .add(UP, 300)
                        .add(UNKNOWN, null)
                        .add(UP, null));
        assertThat(b).isEqualTo(new Rollup().add(UP, 300).add(UNKNOWN, null).add(UP, null));
        assertThat(a.up()).isEqualTo(3);
        assertThat(a.responseCount()).isEqualTo(2);
        assertThat(a.sumResponseMs()).isEqualTo(400);
    }

    @Test
    void aRollupMayBeMergedWithItself() {
        Rollup rollup = new Rollup().add(UP, 100).add(DOWN, null).add(UNKNOWN, 4);

        rollup.merge(rollup);

        assertThat(rollup)
                .isEqualTo(new Rollup()
                        .add(UP, 100)
                        .add(UP, 100)
                        .add(DOWN, null)
                        .add(DOWN, null)
                        .add(UNKNOWN, null)
                        .add(UNKNOWN, null));
    }

    @Test
    void copiesAndHistogramsHandedOutAreIndependent() {
        Rollup original = new Rollup().add(UP, 100);
        Rollup copy = original.copy();
        copy.add(UP, 200);
        original.histogram().add(5000);

        assertThat(original).isEqualTo(new Rollup().add(UP, 100));
        assertThat(copy).isEqualTo(new Rollup().add(UP, 100).add(UP, 200));
    }

    @Test
    void equalityCoversEveryPart() {
        Rollup base = new Rollup().add(UP, 100).add(DOWN, null).add(UNKNOWN, null);

        assertThat(base).isEqualTo(new Rollup().add(UNKNOWN, 7).add(DOWN, 8).add(UP, 100));
        assertThat(base)
                .hasSameHashCodeAs(new Rollup().add(UNKNOWN, 7).add(DOWN, 8).add(UP, 100));
        assertThat(base).isNotEqualTo(base.copy().add(UP, null));
        assertThat(base).isNotEqualTo(base.copy().add(DOWN, null));
        assertThat(base).isNotEqualTo(base.copy().add(UNKNOWN, null));
        // same counts and sum, different histogram
        Rollup spread = new Rollup().add(UP, 100).add(UP, 300);
        Rollup narrow = new Rollup().add(UP, 200).add(UP, 200);
        assertThat(spread.sumResponseMs()).isEqualTo(narrow.sumResponseMs());
        assertThat(spread).isNotEqualTo(narrow);
        // same histogram bucket, different sum
        assertThat(new Rollup().add(UP, 510)).isNotEqualTo(new Rollup().add(UP, 515));
        assertThat(base).isNotEqualTo(null).isNotEqualTo("rollup");
        assertThat(base.toString()).contains("up=1", "down=1", "unknown=1");
    }

    @Test
    void ofRebuildsAStoredRollup() {
        Rollup rollup = new Rollup().add(UP, 100).add(UP, 250).add(DOWN, null).add(UNKNOWN, null);
        ResponseHistogram histogram =
                ResponseHistogram.decode(rollup.histogram().encode());

        Rollup rebuilt = Rollup.of(2, 1, 1, 350, 2, histogram);
        assertThat(rebuilt).isEqualTo(rollup);
        histogram.add(1);
        assertThat(rebuilt).isEqualTo(rollup); // the histogram was copied
        assertThat(Rollup.of(0, 0, 0, 0, 0, new ResponseHistogram())).isEqualTo(new Rollup());
    }

    @Test
    void ofRejectsInconsistentParts() {
        ResponseHistogram two = new ResponseHistogram().add(100).add(250);

        assertThatThrownBy(() -> Rollup.of(-1, 0, 0, 0, 0, new ResponseHistogram()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rollup.of(0, 0, -1, 0, 0, new ResponseHistogram()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rollup.of(2, 0, 0, 350, 3, two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rollup.of(1, 0, 0, 350, 2, two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rollup.of(2, 0, 0, 100, 2, two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rollup.of(2, 0, 0, 5000, 2, two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rollup.of(2, 0, 0, 350, 2, null)).isInstanceOf(NullPointerException.class);
        // the sum may be anywhere the buckets allow
        int lowest = ResponseHistogram.lowerBound(ResponseHistogram.bucketOf(100))
                + ResponseHistogram.lowerBound(ResponseHistogram.bucketOf(250));
        int highest = ResponseHistogram.upperBound(ResponseHistogram.bucketOf(100))
                + ResponseHistogram.upperBound(ResponseHistogram.bucketOf(250));
        assertThat(Rollup.of(2, 0, 0, lowest, 2, two).avgResponseMs()).isLessThanOrEqualTo(175);
        assertThat(Rollup.of(2, 0, 0, highest, 2, two).avgResponseMs()).isGreaterThanOrEqualTo(175);
        assertThatThrownBy(() -> Rollup.of(2, 0, 0, lowest - 1, 2, two)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rollup.of(2, 0, 0, highest + 1, 2, two)).isInstanceOf(IllegalArgumentException.class);
    }
}
