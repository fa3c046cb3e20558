package org.sitekeeper.uptime.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which rollup bucket a check result belongs to, which buckets a window covers, and how long each kind of history
 * is kept. Buckets are UTC hours and UTC days, named by their start and half-open: the hour of 10:00 holds results
 * from 10:00:00.000 inclusive to 11:00 exclusive. A UTC day is always 24 hours (the time line of {@link Instant}
 * has no leap seconds).
 *
 * <p>Windows: the 24-hour and 7-day figures come from hour rollups, the 30-day and 365-day ones from day rollups
 * (today's day rollup being the merge of today's hours).
 */
public final class RollupBuckets {

    /** Raw check results are kept 48 hours, then deleted: history lives on in the rollups. */
    public static final Duration RAW_RETENTION = Duration.ofHours(48);

    /**
     * Hour rollups are kept 8 days: a 7-day window of hours, its partial first hour, and a day to spare for late
     * roll-ups and clock skew.
     */
    public static final Duration HOUR_RETENTION = Duration.ofDays(8);

    /**
     * Day rollups are kept 400 days: a 365-day window of days, its partial first day, and a month to spare (a year
     * of days for 10,000 monitors is 4 million rows).
     */
    public static final Duration DAY_RETENTION = Duration.ofDays(400);

    /** The most buckets {@link #windowStarts(Period, Instant, Duration)} lists. */
    static final int MAX_WINDOW_BUCKETS = 100_000;

    private RollupBuckets() {}

    /** The length of a bucket. */
    public enum Period {
        HOUR("h", Duration.ofHours(1)),
        DAY("d", Duration.ofDays(1));

        private final String wireName;
        private final Duration length;

        Period(String wireName, Duration length) {
            this.wireName = wireName;
            this.length = length;
        }

        /** How it is named in storage and on the wire: {@code h} or {@code d}. */
        public String wireName() {
            return wireName;
        }

        /** One hour or 24 hours. */
        public Duration length() {
            return length;
        }

        /** The start of the bucket that holds {@code at}. */
        public Instant start(Instant at) {
            return this == HOUR ? hourStart(at) : dayStart(at);
        }

        /** How long its rollups are kept: {@link #HOUR_RETENTION} or {@link #DAY_RETENTION}. */
        public Duration retention() {
            return this == HOUR ? HOUR_RETENTION : DAY_RETENTION;
        }

        /** Rollups of buckets that start before this (at {@code now}) are past {@link #retention()}: delete them. */
        public Instant cutoff(Instant now) {
            return start(now.minus(retention()));
        }

        /** The period of a {@link #wireName()}, exactly ({@code h} or {@code d}), or empty. */
        public static Optional<Period> parse(String wireName) {
            for (Period period : values()) {
                if (period.wireName.equals(wireName)) {
                    return Optional.of(period);
                }
            }
            return Optional.empty();
        }
    }

    /** The start of the UTC hour of {@code at}. */
    public static Instant hourStart(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    /** The start (midnight UTC) of the UTC day of {@code at}. */
    public static Instant dayStart(Instant at) {
        return at.truncatedTo(ChronoUnit.DAYS);
    }

    /**
     * The starts of the buckets that a window of length {@code window} ending at {@code now} overlaps, oldest first:
     * every bucket that holds some instant of {@code [now - window, now)}. Merging their rollups covers the window
     * and a little more, as the first bucket may begin before the window and the last one (the current one) ends
     * after {@code now}: at most one bucket length more when {@code window} is a whole number of buckets (24 hours,
     * 30 days), less than two otherwise; exactly the window when {@code now} is also the start of a bucket. Some of
     * the buckets may have no rollup (no checks then): count them as empty.
     *
     * @throws IllegalArgumentException if {@code window} is not positive or spans more than 100,000 buckets
     */
    public static List<Instant> windowStarts(Period period, Instant now, Duration window) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(now, "now");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (window.dividedBy(period.length()) >= MAX_WINDOW_BUCKETS) {
            throw new IllegalArgumentException("window too long: " + window);
        }
        List<Instant> starts = new ArrayList<>();
        for (Instant start = period.start(now.minus(window));
                start.isBefore(now);
                start = start.plus(period.length())) {
            starts.add(start);
        }
        return List.copyOf(starts);
    }
}
