package org.sitekeeper.uptime.internal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sitekeeper.uptime.internal.domain.ResponseHistogram.BUCKETS;
import static org.sitekeeper.uptime.internal.domain.ResponseHistogram.MAX_MS;

class ResponseHistogramTest {

    private static final double[] QUANTILES = {0, 0.001, 0.01, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1};

    /** A heavy-tailed response time: mostly log-normal around a per-site median, some Pareto outliers. */
    static int responseTime(Random random, int median) {
        double roll = random.nextDouble();
        if (roll < 0.01) {
            return 0;
        }
        if (roll < 0.02) {
            return MAX_MS + random.nextInt(MAX_MS); // beyond the maximum: clamped
        }
        if (roll < 0.10) {
            double pareto = median / Math.pow(1 - random.nextDouble(), 1 / 0.8);
            return (int) Math.min(pareto, MAX_MS);
        }
        double logNormal = median * Math.exp(random.nextGaussian() * 0.6);
        return (int) Math.min(Math.round(logNormal), MAX_MS);
    }

    /** The exact nearest-rank quantile of {@code sorted}, computed independently of the histogram. */
    static int exactQuantile(int[] sorted, double q) {
        long rank = new BigDecimal(Double.toString(q))
                .multiply(BigDecimal.valueOf(sorted.length))
                .setScale(0, RoundingMode.CEILING)
                .longValue();
        rank = Math.max(1, rank);
        return sorted[(int) rank - 1];
    }

    /** Whether {@code approx} is within 5 % of {@code exact}, in integer arithmetic. */
    static boolean withinFivePercent(int approx, int exact) {
        return 20L * Math.abs((long) approx - exact) <= exact;
    }

    private static ResponseHistogram of(int... values) {
        ResponseHistogram histogram = new ResponseHistogram();
        for (int value : values) {
            histogram.add(value);
        }
        return histogram;
    }

    @Test
    void everyValueMapsToABucketWhoseRepresentativeIsWithinFivePercent() {
        int previous = 0;
        for (int ms = 0; ms <= MAX_MS; ms++) {
            int bucket = ResponseHistogram.bucketOf(ms);
            int representative = ResponseHistogram.representative(bucket);
            if (bucket < previous
                    || bucket > previous + 1
                    || ms < ResponseHistogram.lowerBound(bucket)
                    || ms > ResponseHistogram.upperBound(bucket)
                    || !withinFivePercent(representative, ms)) {
                throw new AssertionError(
                        "bucket " + bucket + " (after " + previous + ") represents " + ms + " as " + representative);
            }
            previous = bucket;
        }
        assertThat(previous).isEqualTo(BUCKETS - 1);
        for (int bucket = 1; bucket < BUCKETS; bucket++) {
            assertThat(ResponseHistogram.lowerBound(bucket)).isEqualTo(ResponseHistogram.upperBound(bucket - 1) + 1);
            assertThat(ResponseHistogram.representative(bucket))
                    .isBetween(ResponseHistogram.lowerBound(bucket), ResponseHistogram.upperBound(bucket));
        }
        assertThat(ResponseHistogram.upperBound(BUCKETS - 1)).isEqualTo(MAX_MS);
    }

    @Test
    void valuesUpToEighteenMillisecondsAreExact() {
        for (int ms = 0; ms <= 18; ms++) {
            assertThat(ResponseHistogram.bucketOf(ms)).isEqualTo(ms);
            assertThat(of(ms).quantile(0.5)).isEqualTo(ms);
        }
        assertThat(ResponseHistogram.bucketOf(19)).isEqualTo(ResponseHistogram.bucketOf(20));
    }

    @Test
    void bucketsAreAboutTenPercentWideSoThereAreFewOfThem() {
        assertThat(BUCKETS).isLessThan(36 * 36); // an index is at most two base-36 digits
        for (int bucket = 40; bucket < BUCKETS - 1; bucket++) {
            double width = (double) ResponseHistogram.upperBound(bucket) / ResponseHistogram.lowerBound(bucket);
            assertThat(width).isBetween(1.09, 1.106);
        }
    }

    @Test
    void quantilesAreWithinFivePercentOfTheExactNearestRankOnRandomData() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            int n = 1 + random.nextInt(seed % 10 == 0 ? 20 : 5000);
            int median = 1 + random.nextInt(seed % 3 == 0 ? 50 : 3000);
            int[] values = new int[n];
            ResponseHistogram histogram = new ResponseHistogram();
            for (int i = 0; i < n; i++) {
                values[i] = seed % 7 == 0 ? random.nextInt(MAX_MS + 1) : responseTime(random, median);
                histogram.add(values[i]);
                values[i] = Math.min(values[i], MAX_MS);
            }
            Arrays.sort(values);
            assertThat(histogram.count()).isEqualTo(n);
            for (int i = 0; i < QUANTILES.length + 20; i++) {
                double q = i < QUANTILES.length ? QUANTILES[i] : random.nextDouble();
                int exact = exactQuantile(values, q);
                int approx = histogram.quantile(q);
                if (!withinFivePercent(approx, exact)) {
                    throw new AssertionError(
                            "seed " + seed + ", q " + q + ": exact " + exact + ", histogram says " + approx);
                }
            }
        }
    }

    @Test
    void theP95OfOneToTwentyIsNineteen() {
        ResponseHistogram histogram = new ResponseHistogram();
        for (int ms = 20; ms >= 1; ms--) {
            histogram.add(ms);
        }
        assertThat(histogram.quantile(0.95)).isEqualTo(19);
        assertThat(histogram.quantile(0)).isEqualTo(1);
        assertThat(histogram.quantile(0.5)).isEqualTo(10);
    }

    @Test
    void anEmptyHistogramHasNoQuantile() {
        ResponseHistogram empty = new ResponseHistogram();

        assertThat(empty.count()).isZero();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.encode()).isEmpty();
        assertThat(ResponseHistogram.decode("")).isEqualTo(empty);
        assertThatThrownBy(() -> empty.quantile(0.95)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oneValueIsEveryQuantile() {
        ResponseHistogram histogram = of(1234);
        int exact = 1234;
        for (double q : QUANTILES) {
            assertThat(withinFivePercent(histogram.quantile(q), exact)).isTrue();
            assertThat(histogram.quantile(q)).isEqualTo(histogram.quantile(0.5));
        }
        assertThat(histogram.count()).isEqualTo(1);
    }

    @Test
    void allZeroGivesZero() {
        ResponseHistogram histogram = new ResponseHistogram();
        for (int i = 0; i < 1000; i++) {
            histogram.add(0);
        }
        for (double q : QUANTILES) {
            assertThat(histogram.quantile(q)).isZero();
        }
        assertThat(histogram.encode()).isEqualTo("0:rs"); // 1000 in base 36
    }

    @Test
    void theMaximumIsKeptWithinFivePercentAndNeverExceeded() {
        ResponseHistogram histogram = of(MAX_MS, MAX_MS);

        assertThat(histogram.quantile(0.5)).isLessThanOrEqualTo(MAX_MS);
        assertThat(withinFivePercent(histogram.quantile(0.5), MAX_MS)).isTrue();
        assertThat(withinFivePercent(of(MAX_MS - 1).quantile(1), MAX_MS - 1)).isTrue();
    }

    @Test
    void valuesBeyondTheMaximumCountAsTheMaximum() {
        assertThat(of(MAX_MS + 1, Integer.MAX_VALUE, 3_600_000)).isEqualTo(of(MAX_MS, MAX_MS, MAX_MS));
    }

    @Test
    void negativeValuesAndQuantilesOutsideZeroToOneAreRejected() {
        ResponseHistogram histogram = of(10);

        assertThatThrownBy(() -> histogram.add(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> histogram.add(Integer.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(histogram).isEqualTo(of(10));
        for (double q : new double[] {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> histogram.quantile(q)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void mergingGivesTheHistogramOfAllTheValuesWhateverTheOrder() {
        for (int seed = 0; seed < 100; seed++) {
            Random random = new Random(seed);
            ResponseHistogram all = new ResponseHistogram();
            ResponseHistogram[] parts = new ResponseHistogram[1 + random.nextInt(6)];
            for (int p = 0; p < parts.length; p++) {
                parts[p] = new ResponseHistogram();
                int n = random.nextInt(300);
                for (int i = 0; i < n; i++) {
                    int ms = responseTime(random, 1 + random.nextInt(2000));
                    parts[p].add(ms);
                    all.add(ms);
                }
            }
            ResponseHistogram forward = new ResponseHistogram();
            for (ResponseHistogram part : parts) {
                forward.merge(part);
            }
            ResponseHistogram backward = new ResponseHistogram();
            for (int p = parts.length - 1; p >= 0; p--) {
                backward.merge(parts[p]);
            }
            assertThat(forward).isEqualTo(all).isEqualTo(backward);
            assertThat(forward.hashCode()).isEqualTo(all.hashCode()).isEqualTo(backward.hashCode());
            assertThat(forward.count()).isEqualTo(all.count());
            assertThat(forward.encode()).isEqualTo(all.encode());
        }
    }

    @Test
    void mergeLeavesTheOtherAloneAndMayMergeItself() {
        ResponseHistogram a = of(1, 100, 100);
        ResponseHistogram b = of(5, 100);

        a.merge(b);
        assertThat(b).isEqualTo(of(5, 100));
        assertThat(a).isEqualTo(of(1, 5, 100, 100, 100));

        a.merge(a);
        assertThat(a).isEqualTo(of(1, 1, 5, 5, 100, 100, 100, 100, 100, 100));
        assertThat(a.merge(new ResponseHistogram())).isEqualTo(of(1, 1, 5, 5, 100, 100, 100, 100, 100, 100));
    }

    @Test
    void aCopyIsIndependent() {
        ResponseHistogram original = of(7, 300);
        ResponseHistogram copy = original.copy();

        assertThat(copy).isEqualTo(original);
        copy.add(9000);
        original.add(1);
        assertThat(copy).isEqualTo(of(7, 300, 9000));
        assertThat(original).isEqualTo(of(1, 7, 300));
    }

    @Test
    void equalContentsAreEqualWhateverTheInsertionOrder() {
        ResponseHistogram a = of(3, 500, 500, 42_000, 0);
        ResponseHistogram b = of(0, 42_000, 500, 3, 500);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(of(3, 500, 42_000, 0)).isNotEqualTo(of(3, 500, 500, 42_000, 0, 0));
        assertThat(a).isNotEqualTo(null).isNotEqualTo("0:1");
        // same bucket, same histogram: 510 and 515 share a bucket
        assertThat(ResponseHistogram.bucketOf(510)).isEqualTo(ResponseHistogram.bucketOf(515));
        assertThat(of(510)).isEqualTo(of(515));
    }

    @Test
    void theEncodingIsIndexColonCountInBase36Ascending() {
        assertThat(of(0, 0, 5).encode()).isEqualTo("0:2,5:1");
        assertThat(of(5, 0, 0).encode()).isEqualTo("0:2,5:1");
        ResponseHistogram many = new ResponseHistogram();
        for (int i = 0; i < 36; i++) {
            many.add(17);
        }
        many.add(MAX_MS);
        assertThat(many.encode()).isEqualTo("h:10," + Integer.toString(BUCKETS - 1, 36) + ":1");
        assertThat(many.toString()).contains("h:10");
    }

    @Test
    void encodingRoundTripsExactlyOnRandomData() {
        for (int seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            ResponseHistogram histogram = new ResponseHistogram();
            int n = random.nextInt(3000);
            int median = 1 + random.nextInt(5000);
            for (int i = 0; i < n; i++) {
                histogram.add(responseTime(random, median));
            }
            String encoded = histogram.encode();
            ResponseHistogram decoded = ResponseHistogram.decode(encoded);

            assertThat(decoded).isEqualTo(histogram);
            assertThat(decoded.count()).isEqualTo(histogram.count());
            assertThat(decoded.encode()).isEqualTo(encoded);
            assertThat(encoded).matches("([0-9a-z]+:[0-9a-z]+(,[0-9a-z]+:[0-9a-z]+)*)?");
            for (double q : QUANTILES) {
                if (n > 0) {
                    assertThat(decoded.quantile(q)).isEqualTo(histogram.quantile(q));
                }
            }
            decoded.add(1); // a decoded histogram accumulates like any other
            assertThat(decoded).isEqualTo(histogram.copy().add(1));
        }
    }

    @Test
    void theEncodingStaysWithinItsBound() {
        // every bucket full to just below 36^4: the documented bound for realistic counts
        ResponseHistogram full = ResponseHistogram.decode(everyBucket(36L * 36 * 36 * 36 - 1));
        assertThat(full.encode()).hasSizeLessThanOrEqualTo(ResponseHistogram.MAX_ENCODED_LENGTH);
        assertThat(ResponseHistogram.MAX_ENCODED_LENGTH).isLessThan(1000);

        // the greatest counts possible: the absolute bound
        ResponseHistogram huge = ResponseHistogram.decode(everyBucket(Long.MAX_VALUE / BUCKETS));
        assertThat(huge.encode()).hasSizeLessThanOrEqualTo(ResponseHistogram.MAX_ENCODED_LENGTH_ANY_COUNTS);
        assertThat(Long.toString(Long.MAX_VALUE, 36)).hasSize(13);

        // a realistic day: 2,880 checks (every 30 s), heavy-tailed times
        Random random = new Random(42);
        ResponseHistogram day = new ResponseHistogram();
        for (int i = 0; i < 2880; i++) {
            day.add(responseTime(random, 350));
        }
        assertThat(day.encode()).hasSizeLessThan(400);
    }

    private static String everyBucket(long count) {
        StringBuilder out = new StringBuilder();
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            out.append(bucket == 0 ? "" : ",")
                    .append(Integer.toString(bucket, 36))
                    .append(':')
                    .append(Long.toString(count, 36));
        }
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                " ",
                "0",
                "0:",
                ":1",
                ":",
                ",",
                "0:1,",
                ",0:1",
                "0:1,,2:1",
                "0:1;2:1",
                "0:1 ",
                " 0:1",
                "0 :1",
                "0:1:2",
                "0:0",
                "0:1,5:0",
                "0:01",
                "00:1",
                "1:1,0:1",
                "1:1,1:1",
                "3f:1",
                "zz:1",
                "0:-1",
                "-1:1",
                "0:+1",
                "0:A",
                "A:1",
                "0:1.5",
                "0:\u0661",
                "0:zzzzzzzzzzzzzz",
                "0:1y2p0ij32e8e8",
                "0:1y2p0ij32e8e7,1:1",
                "null",
                "{}"
            })
    void malformedEncodingsAreRejected(String encoded) {
        assertThatThrownBy(() -> ResponseHistogram.decode(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void nullIsNotAnEncoding() {
        assertThatThrownBy(() -> ResponseHistogram.decode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLastBucketAndTheGreatestCountDecode() {
        String last = Integer.toString(BUCKETS - 1, 36);
        assertThat(ResponseHistogram.decode(last + ":1")).isEqualTo(of(MAX_MS));
        assertThat(ResponseHistogram.decode("0:1y2p0ij32e8e7").count()).isEqualTo(Long.MAX_VALUE);
    }
}
