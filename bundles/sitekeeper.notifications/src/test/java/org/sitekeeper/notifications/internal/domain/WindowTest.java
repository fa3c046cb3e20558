package org.sitekeeper.notifications.internal.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class WindowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

    private static Instant paris(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    private static Window weekly(Set<DayOfWeek> days, String time, int minutes) {
        return Window.weekly(LONG_AGO, null, days, LocalTime.parse(time), Duration.ofMinutes(minutes), PARIS);
    }

    @Test
    void aOneOffWindowIncludesItsStartAndExcludesItsEnd() {
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        Instant end = Instant.parse("2026-03-01T12:00:00Z");
        Window window = Window.once(start, end);

        assertThat(window.recurring()).isFalse();
        assertThat(window.activeAt(start.minusMillis(1))).isFalse();
        assertThat(window.activeAt(start)).isTrue();
        assertThat(window.activeAt(end.minusMillis(1))).isTrue();
        assertThat(window.activeAt(end)).isFalse();
    }

    @Test
    void aOneOffWindowHasEndedFromItsEndOn() {
        Window window = Window.once(Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T12:00:00Z"));

        assertThat(window.endedBy(Instant.parse("2026-03-01T09:00:00Z"))).isFalse();
        assertThat(window.endedBy(Instant.parse("2026-03-01T11:59:59Z"))).isFalse();
        assertThat(window.endedBy(Instant.parse("2026-03-01T12:00:00Z"))).isTrue();
        assertThat(window.endedBy(Instant.parse("2026-03-02T00:00:00Z"))).isTrue();
    }

    @Test
    void aWeeklyWindowIsActiveOnItsDaysFromItsLocalTimeForItsLength() {
        Window window = weekly(Set.of(MONDAY, WEDNESDAY), "09:00", 60);

        assertThat(window.recurring()).isTrue();
        assertThat(window.activeAt(paris("2026-03-02T08:59:59"))).isFalse();
        assertThat(window.activeAt(paris("2026-03-02T09:00"))).isTrue();
        assertThat(window.activeAt(paris("2026-03-02T09:59:59"))).isTrue();
        assertThat(window.activeAt(paris("2026-03-02T10:00"))).isFalse();
        assertThat(window.activeAt(paris("2026-03-03T09:30"))).isFalse();
        assertThat(window.activeAt(paris("2026-03-04T09:30"))).isTrue();
    }

    @Test
    void aWeeklyWindowMayCrossMidnightIntoADayThatIsNotListed() {
        Window window = weekly(Set.of(SUNDAY), "23:00", 120);

        assertThat(window.activeAt(paris("2026-03-01T22:59"))).isFalse();
        assertThat(window.activeAt(paris("2026-03-01T23:00"))).isTrue();
        assertThat(window.activeAt(paris("2026-03-02T00:30"))).isTrue();
        assertThat(window.activeAt(paris("2026-03-02T01:00"))).isFalse();
        assertThat(window.activeAt(paris("2026-03-02T23:30"))).isFalse();
        assertThat(window.activeAt(paris("2026-02-28T23:30"))).isFalse();
    }

    @Test
    void aWindowOfSeveralDaysIsActiveUntilItsLastMinute() {
        Window weekend = weekly(Set.of(FRIDAY), "18:00", 3 * 24 * 60);

        assertThat(weekend.activeAt(paris("2026-03-06T17:59"))).isFalse();
        assertThat(weekend.activeAt(paris("2026-03-07T12:00"))).isTrue();
        assertThat(weekend.activeAt(paris("2026-03-08T03:00"))).isTrue();
        assertThat(weekend.activeAt(paris("2026-03-09T17:59"))).isTrue();
        assertThat(weekend.activeAt(paris("2026-03-09T18:00"))).isFalse();
    }

    @Test
    void aWholeWeekWindowIsAlwaysActive() {
        Window always = weekly(Set.of(MONDAY), "00:00", 7 * 24 * 60);

        assertThat(always.activeAt(paris("2026-03-08T23:59:59"))).isTrue();
        assertThat(always.activeAt(paris("2026-03-04T12:00"))).isTrue();
    }

    @Test
    void theLocalTimeIsReadInTheWindowsZoneAllYearRound() {
        Window window = weekly(Set.of(MONDAY), "09:00", 60);

        // winter: 09:00 in Paris is 08:00 UTC
        assertThat(window.activeAt(Instant.parse("2026-01-05T07:30:00Z"))).isFalse();
        assertThat(window.activeAt(Instant.parse("2026-01-05T08:00:00Z"))).isTrue();
        assertThat(window.activeAt(Instant.parse("2026-01-05T08:59:59Z"))).isTrue();
        // summer: 09:00 in Paris is 07:00 UTC
        assertThat(window.activeAt(Instant.parse("2026-07-06T06:59:59Z"))).isFalse();
        assertThat(window.activeAt(Instant.parse("2026-07-06T07:00:00Z"))).isTrue();
        assertThat(window.activeAt(Instant.parse("2026-07-06T08:00:00Z"))).isFalse();
    }

    @Test
    void onTheDayClocksGoForwardTheWindowOpensAtTheNewLocalTime() {
        Window window = weekly(Set.of(SUNDAY), "09:00", 60);

        // Sunday 22 March 2026 is still CET, Sunday 29 March 2026 is CEST from 03:00
        assertThat(window.activeAt(Instant.parse("2026-03-22T08:00:00Z"))).isTrue();
        assertThat(window.activeAt(Instant.parse("2026-03-29T06:59:59Z"))).isFalse();
        assertThat(window.activeAt(Instant.parse("2026-03-29T07:00:00Z"))).isTrue();
        assertThat(window.activeAt(Instant.parse("2026-03-29T08:00:00Z"))).isFalse();
    }

    @Test
    void aWindowAcrossTheSpringChangeLastsItsLengthInRealTime() {
        // 01:00 CET is 00:00 UTC; three hours later it is 05:00 CEST
        Window window = weekly(Set.of(SUNDAY), "01:00", 180);

        assertThat(window.activeAt(Instant.parse("2026-03-29T00:00:00Z"))).isTrue();
        assertThat(window.activeAt(paris("2026-03-29T04:59"))).isTrue();
        assertThat(window.activeAt(paris("2026-03-29T05:00"))).isFalse();
    }

    @Test
    void onTheDayClocksGoBackTheWindowOpensAtTheNewLocalTime() {
        Window window = weekly(Set.of(SUNDAY), "09:00", 60);

        // Sunday 18 October 2026 is CEST, Sunday 25 October 2026 is CET from 03:00
        assertThat(window.activeAt(Instant.parse("2026-10-18T07:00:00Z"))).isTrue();
        assertThat(window.activeAt(Instant.parse("2026-10-25T07:30:00Z"))).isFalse();
        assertThat(window.activeAt(Instant.parse("2026-10-25T08:00:00Z"))).isTrue();
    }

    @Test
    void aWindowAcrossTheAutumnChangeLastsItsLengthInRealTime() {
        // 01:00 CEST on 25 October is 23:00 UTC the day before; three hours later it is 03:00 CET
        Window window = weekly(Set.of(SUNDAY), "01:00", 180);

        assertThat(window.activeAt(Instant.parse("2026-10-24T22:59:59Z"))).isFalse();
        assertThat(window.activeAt(Instant.parse("2026-10-24T23:00:00Z"))).isTrue();
        assertThat(window.activeAt(Instant.parse("2026-10-25T01:59:59Z"))).isTrue();
        assertThat(window.activeAt(Instant.parse("2026-10-25T02:00:00Z"))).isFalse();
    }

    @Test
    void anOpenEndedRecurrenceNeverEnds() {
        Window window = weekly(Set.of(SUNDAY), "02:00", 120);

        assertThat(window.end()).isNull();
        assertThat(window.activeAt(paris("2036-03-02T04:30"))).isFalse();
        assertThat(window.activeAt(paris("2036-03-09T03:30"))).isTrue();
        assertThat(window.endedBy(Instant.parse("2100-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void aRecurrenceIsActiveOnlyBetweenItsStartAndItsEnd() {
        Instant from = paris("2026-03-08T02:30");
        Instant until = paris("2026-03-15T03:00");
        Window window = Window.weekly(from, until, Set.of(SUNDAY), LocalTime.of(2, 0), Duration.ofMinutes(120), PARIS);

        assertThat(window.activeAt(paris("2026-03-01T03:00"))).isFalse();
        assertThat(window.activeAt(paris("2026-03-08T02:15"))).isFalse();
        assertThat(window.activeAt(paris("2026-03-08T02:30"))).isTrue();
        assertThat(window.activeAt(paris("2026-03-15T02:59"))).isTrue();
        assertThat(window.activeAt(paris("2026-03-15T03:00"))).isFalse();
        assertThat(window.activeAt(paris("2026-03-22T03:00"))).isFalse();
        assertThat(window.endedBy(paris("2026-03-15T02:59"))).isFalse();
        assertThat(window.endedBy(until)).isTrue();
    }

    @Test
    void theDaysCannotBeChangedAfterwards() {
        Set<DayOfWeek> days = new HashSet<>(Set.of(MONDAY));
        Window window = Window.weekly(LONG_AGO, null, days, LocalTime.NOON, Duration.ofHours(1), PARIS);

        days.add(SUNDAY);

        assertThat(window.days()).containsExactly(MONDAY);
        assertThat(window.activeAt(paris("2026-03-01T12:30"))).isFalse();
    }
}
