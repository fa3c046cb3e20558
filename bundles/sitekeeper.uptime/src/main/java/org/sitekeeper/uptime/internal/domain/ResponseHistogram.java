package org.sitekeeper.uptime.internal.domain;

import java.util.Arrays;

import org.sitekeeper.core.api.metrics.Quantiles;

/**
 * A histogram of response times (whole milliseconds, 0 to {@value #MAX_MS}) in log-scale buckets, mergeable
 * without loss: merging the histograms of two sets of values gives exactly the histogram of their union, so an
 * hour, a day or a year all have the same kind of histogram.
 *
 * <p>Buckets: one for 0, one per value from 1 to 18, then ranges about 10 % wide ({@code [lo, hi]} with
 * {@code hi ≈ lo × 21/19}) up to {@value #MAX_MS}; {@value #BUCKETS} buckets in all. Each bucket has a fixed
 * representative value within {@value #RELATIVE_ERROR_PERCENT} % of every value of the bucket, so
 * {@link #quantile(double)} is within {@value #RELATIVE_ERROR_PERCENT} % of the exact quantile (and exact up to 18
 * ms). Values above {@value #MAX_MS} count as {@value #MAX_MS}. The bucket layout is computed with integer
 * arithmetic only and is part of the stored form: changing it would misread stored histograms.
 *
 * <p>Sparse: only non-empty buckets are kept, in memory and in {@link #encode()}d form.
 *
 * <p>A mutable accumulator: {@link #add(int)} and {@link #merge(ResponseHistogram)} change it; {@link #copy()}
 * gives an independent one. Equal contents make equal histograms ({@link #equals(Object)}, {@link #hashCode()}
 * and {@link #encode()} agree); do not change one while it is a key in a hash map. Not thread-safe.
 */
public final class ResponseHistogram {

    /** The greatest response time kept, in ms (10 minutes); greater values count as this one. */
    public static final int MAX_MS = 600_000;

    /** The greatest relative error of {@link #quantile(double)}, in percent. */
    public static final int RELATIVE_ERROR_PERCENT = 5;

    /** How many buckets there are (indexes 0 to {@code BUCKETS - 1}). */
    public static final int BUCKETS = 123;

    /**
     * The longest {@link #encode()}d form when every bucket count is below 36⁴ = 1,679,616 (more than a year of
     * checks every 20 seconds): {@value #BUCKETS} entries of at most 2 + 1 + 4 characters, and the commas between
     * them. Whatever the counts, the encoded form is never longer than {@link #MAX_ENCODED_LENGTH_ANY_COUNTS}.
     */
    public static final int MAX_ENCODED_LENGTH = BUCKETS * (2 + 1 + 4) + BUCKETS - 1;

    /** The longest {@link #encode()}d form whatever the counts (each at most 13 base-36 digits). */
    public static final int MAX_ENCODED_LENGTH_ANY_COUNTS = BUCKETS * (2 + 1 + 13) + BUCKETS - 1;

    /** The greatest value that has a bucket of its own: up to it, buckets are exact. */
    private static final int EXACT_UP_TO = 18;

    private static final int[] LOWER = new int[BUCKETS];
    private static final int[] UPPER = new int[BUCKETS];
    private static final int[] REPRESENTATIVE = new int[BUCKETS];

    static {
        // bucket [lo, hi] with representative r: r <= lo × 21/20 and r >= hi × 19/20, so r is within 5 % of
        // every value of the bucket
        int index = 1;
        long lo = 1;
        while (true) {
            long r = lo * 21 / 20;
            long hi = r * 20 / 19;
            boolean last = hi >= MAX_MS;
            if (last) {
                hi = MAX_MS;
                r = Math.min(r, MAX_MS);
            }
            LOWER[index] = (int) lo;
            UPPER[index] = (int) hi;
            REPRESENTATIVE[index] = (int) r;
            index++;
            if (last) {
                break;
            }
            lo = hi + 1;
        }
        if (index != BUCKETS || UPPER[EXACT_UP_TO] != EXACT_UP_TO || LOWER[EXACT_UP_TO + 1] == UPPER[EXACT_UP_TO + 1]) {
            throw new AssertionError("bucket layout changed: " + index + " buckets");
        }
    }

    private int[] indexes;
    private long[] counts;
    private int size;
    private long total;

    /** An empty histogram. */
    public ResponseHistogram() {
        this(new int[4], new long[4], 0, 0);
    }

    private ResponseHistogram(int[] indexes, long[] counts, int size, long total) {
        this.indexes = indexes;
        this.counts = counts;
        this.size = size;
        this.total = total;
    }

    /**
     * Counts one response time.
     *
     * @param ms the response time in ms: 0 or more; above {@value #MAX_MS} it counts as {@value #MAX_MS}
     * @return this histogram
     * @throws IllegalArgumentException if {@code ms} is negative
     */
    public ResponseHistogram add(int ms) {
        increment(bucketOf(ms), 1);
        return this;
    }

    /**
     * Adds all the counts of {@code other} to this histogram ({@code other} is not changed; it may be this one).
     *
     * @return this histogram
     */
    public ResponseHistogram merge(ResponseHistogram other) {
        if (other.size == 0) {
            return this;
        }
        long newTotal = Math.addExact(total, other.total);
        int[] mergedIndexes = new int[Math.min(size + other.size, BUCKETS)];
        long[] mergedCounts = new long[mergedIndexes.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < size || j < other.size) {
            int a = i < size ? indexes[i] : Integer.MAX_VALUE;
            int b = j < other.size ? other.indexes[j] : Integer.MAX_VALUE;
            if (a < b) {
                mergedIndexes[k] = a;
                mergedCounts[k++] = counts[i++];
            } else if (b < a) {
                mergedIndexes[k] = b;
                mergedCounts[k++] = other.counts[j++];
            } else {
                mergedIndexes[k] = a;
                mergedCounts[k++] = counts[i++] + other.counts[j++];
            }
        }
        indexes = mergedIndexes;
        counts = mergedCounts;
        size = k;
        total = newTotal;
        return this;
    }

    /** An independent histogram with the same counts. */
    public ResponseHistogram copy() {
        int capacity = Math.max(size, 4);
        return new ResponseHistogram(Arrays.copyOf(indexes, capacity), Arrays.copyOf(counts, capacity), size, total);
    }

    /** How many response times were counted. */
    public long count() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /**
     * The nearest-rank quantile: the value of rank ⌈q × count⌉ (at least 1) among the counted values in ascending
     * order, give or take {@value #RELATIVE_ERROR_PERCENT} % (exact up to 18 ms). {@code q} is taken as the
     * decimal it prints as, so {@code quantile(0.95)} of 20 values is the 19th.
     *
     * @param q from 0 (the least value) to 1 (the greatest)
     * @throws IllegalArgumentException if {@code q} is not within [0, 1]
     * @throws IllegalStateException if the histogram is empty
     */
    public int quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be within [0, 1]: " + q);
        }
        if (total == 0) {
            throw new IllegalStateException("no response time counted");
        }
        long rank = Quantiles.rank(q, total);
        long seen = 0;
        for (int i = 0; i < size; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return REPRESENTATIVE[indexes[i]];
            }
        }
        throw new AssertionError("counts do not add up to " + total);
    }

    /**
     * The compact ASCII form: the non-empty buckets in ascending order as {@code index:count}, both in lowercase
     * base 36 without leading zeros, separated by commas; {@code ""} when empty. For example values 0, 0 and 5 give
     * {@code "0:2,5:1"}. At most {@value #MAX_ENCODED_LENGTH} characters while every bucket count is below
     * 1,679,616; never more than {@value #MAX_ENCODED_LENGTH_ANY_COUNTS}. Equal histograms encode equally.
     */
    public String encode() {
        StringBuilder out = new StringBuilder(size * 6);
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(Integer.toString(indexes[i], 36)).append(':').append(Long.toString(counts[i], 36));
        }
        return out.toString();
    }

    /**
     * Reads the {@link #encode()}d form back.
     *
     * @throws IllegalArgumentException for anything {@link #encode()} cannot have produced: {@code null}, other
     *     characters (upper case, signs, blanks), empty fields, leading zeros, zero counts, bucket indexes out of
     *     range or not strictly ascending, counts that overflow
     */
    public static ResponseHistogram decode(String encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("no encoded histogram");
        }
        ResponseHistogram histogram = new ResponseHistogram();
        if (encoded.isEmpty()) {
            return histogram;
        }
        int length = encoded.length();
        int from = 0;
        int previous = -1;
        while (true) {
            int colon = encoded.indexOf(':', from);
            if (colon < 0) {
                throw malformed(encoded, "missing ':'");
            }
            int end = encoded.indexOf(',', colon);
            if (end < 0) {
                end = length;
            }
            long index = parseBase36(encoded, from, colon);
            long count = parseBase36(encoded, colon + 1, end);
            if (index >= BUCKETS) {
                throw malformed(encoded, "bucket " + index + " out of range");
            }
            if (index <= previous) {
                throw malformed(encoded, "buckets not in ascending order");
            }
            if (count == 0) {
                throw malformed(encoded, "empty bucket " + index);
            }
            try {
                histogram.increment((int) index, count);
            } catch (ArithmeticException e) {
                throw malformed(encoded, "counts too large");
            }
            previous = (int) index;
            if (end == length) {
                return histogram;
            }
            from = end + 1;
        }
    }

    private static long parseBase36(String s, int from, int to) {
        if (from >= to) {
            throw malformed(s, "empty field");
        }
        if (s.charAt(from) == '0' && to - from > 1) {
            throw malformed(s, "leading zero");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'z') {
                digit = c - 'a' + 10;
            } else {
                throw malformed(s, "unexpected character at " + i);
            }
            try {
                value = Math.addExact(Math.multiplyExact(value, 36), digit);
            } catch (ArithmeticException e) {
                throw malformed(s, "number too large at " + from);
            }
        }
        return value;
    }

    private static IllegalArgumentException malformed(String encoded, String why) {
        String shown = encoded.length() > 80 ? encoded.substring(0, 80) + "..." : encoded;
        return new IllegalArgumentException("malformed response histogram (" + why + "): \"" + shown + "\"");
    }

    private void increment(int index, long count) {
        long newTotal = Math.addExact(total, count);
        int at = Arrays.binarySearch(indexes, 0, size, index);
        if (at >= 0) {
            counts[at] += count;
        } else {
            int insert = -at - 1;
            if (size == indexes.length) {
                int capacity = Math.min(Math.max(size * 2, 4), BUCKETS);
                indexes = Arrays.copyOf(indexes, capacity);
                counts = Arrays.copyOf(counts, capacity);
            }
            System.arraycopy(indexes, insert, indexes, insert + 1, size - insert);
            System.arraycopy(counts, insert, counts, insert + 1, size - insert);
            indexes[insert] = index;
            counts[insert] = count;
            size++;
        }
        total = newTotal;
    }

    /** The least possible sum of the counted values, given their buckets (saturates at Long.MAX_VALUE). */
    long leastSum() {
        return boundSum(LOWER);
    }

    /** The greatest possible sum of the counted values, given their buckets (saturates at Long.MAX_VALUE). */
    long greatestSum() {
        return boundSum(UPPER);
    }

    private long boundSum(int[] bounds) {
        long sum = 0;
        try {
            for (int i = 0; i < size; i++) {
                sum = Math.addExact(sum, Math.multiplyExact(counts[i], (long) bounds[indexes[i]]));
            }
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        return sum;
    }

    /** The bucket of {@code ms} (values above {@link #MAX_MS} go to the last one). */
    static int bucketOf(int ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("response time must not be negative: " + ms);
        }
        if (ms <= EXACT_UP_TO) {
            return ms;
        }
        if (ms >= MAX_MS) {
            return BUCKETS - 1;
        }
        int at = Arrays.binarySearch(LOWER, EXACT_UP_TO + 1, BUCKETS, ms);
        return at >= 0 ? at : -at - 2;
    }

    static int lowerBound(int bucket) {
        return LOWER[bucket];
    }

    static int upperBound(int bucket) {
        return UPPER[bucket];
    }

    static int representative(int bucket) {
        return REPRESENTATIVE[bucket];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseHistogram other
                && total == other.total
                && size == other.size
                && Arrays.equals(indexes, 0, size, other.indexes, 0, size)
                && Arrays.equals(counts, 0, size, other.counts, 0, size);
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < size; i++) {
            hash = 31 * hash + indexes[i];
            hash = 31 * hash + Long.hashCode(counts[i]);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "ResponseHistogram[" + encode() + "]";
    }
}
