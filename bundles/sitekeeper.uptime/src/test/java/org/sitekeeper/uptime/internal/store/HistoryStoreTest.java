package org.sitekeeper.uptime.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.FailureCause;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.internal.domain.ResponseHistogram;
import org.sitekeeper.uptime.internal.domain.Rollup;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HistoryStore} on a real Derby database on disk, against rollups computed directly from the results. */
class HistoryStoreTest {

    @RegisterExtension
    static final UptimeDatabase.PerClass DATABASE = new UptimeDatabase.PerClass();

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long MINUTE = 60_000L;
    /** Midnight UTC. */
    private static final long D0 = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    /** One raw result as written. */
    private record Result(long monitorId, long at, String outcome, Integer ms, boolean stateChange) {}

    private final List<Result> written = new ArrayList<>();

    private static UptimeDatabase db() {
        return DATABASE.get();
    }

    private static HistoryStore history() {
        return DATABASE.get().history();
    }

    private static long monitor(String name, Long siteId) {
        return db().monitors()
                .insert(
                        MonitorStoreTest.settings(name, "https://" + name + ".example.com/", siteId, true),
                        "x",
                        D0,
                        D0);
    }

    private void results(Result... results) {
        results(List.of(results));
    }

    private void results(List<Result> results) {
        List<Object[]> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(new Object[] {
                r.monitorId(),
                r.at(),
                r.outcome(),
                r.ms(),
                "up".equals(r.outcome()) ? 200 : null,
                null,
                null,
                r.stateChange()
            });
        }
        db().batch(
                        "INSERT INTO uptime_result (monitor_id, checked_at, outcome, response_ms, status_code, cause, detail,"
                                + " state_change) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        rows);
        written.addAll(results);
    }

    private static Result up(long id, long at, int ms) {
        return new Result(id, at, "up", ms, false);
    }

    private static Result down(long id, long at) {
        return new Result(id, at, "down", null, false);
    }

    /** The rollup of the written results of these monitors in {@code [from, to)}, computed directly. */
    private Rollup direct(Collection<Long> ids, long from, long to) {
        Rollup r = new Rollup();
        for (Result w : written) {
            if (ids.contains(w.monitorId()) && w.at() >= from && w.at() < to) {
                r.add(MonitorState.parse(w.outcome()).orElseThrow(), w.ms());
            }
        }
        return r;
    }

    /** The stored rollup of one monitor and bucket, or {@code null}. */
    private static Rollup stored(long monitorId, String period, long bucket) {
        List<Map<String, Object>> rows = db().query(
                        "SELECT * FROM uptime_rollup WHERE monitor_id = ? AND period = ? AND bucket_start = ?",
                        monitorId,
                        period,
                        bucket);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        return Rollup.of(
                (Long) row.get("up_count"),
                (Long) row.get("down_count"),
                (Long) row.get("unknown_count"),
                (Long) row.get("response_sum"),
                (Long) row.get("response_count"),
                ResponseHistogram.decode((String) row.get("histogram")));
    }

    private static List<Instant> rollUpAll(Instant now, Duration settle) {
        List<Instant> hours = new ArrayList<>();
        for (Instant h = history().rollUpNextHour(now, settle);
                h != null;
                h = history().rollUpNextHour(now, settle)) {
            hours.add(h);
        }
        return hours;
    }

    // ---------------------------------------------------------------- rolling up

    @Test
    void rollsUpHourByHourFromTheOldestResultAndMergesDays() {
        long m1 = monitor("m1", null);
        long m2 = monitor("m2", null);
        results(
                up(m1, D0 + 10 * HOUR + 5 * MINUTE, 100),
                down(m1, D0 + 10 * HOUR + 35 * MINUTE),
                up(m1, D0 + 11 * HOUR - 1, 250),
                new Result(m2, D0 + 10 * HOUR, "unknown", null, false),
                up(m2, D0 + 11 * HOUR, 50),
                up(m1, D0 + 12 * HOUR + 30 * MINUTE, 70));
        Instant now = Instant.ofEpochMilli(D0 + 13 * HOUR + 10 * MINUTE);
        Duration settle = Duration.ofMinutes(5);
        assertThat(history().watermark()).isNull();

        assertThat(history().rollUpNextHour(now, settle)).isEqualTo(Instant.ofEpochMilli(D0 + 10 * HOUR));
        assertThat(history().watermark()).isEqualTo(D0 + 11 * HOUR);
        assertThat(stored(m1, "h", D0 + 10 * HOUR))
                .isEqualTo(new Rollup()
                        .add(MonitorState.UP, 100)
                        .add(MonitorState.DOWN, null)
                        .add(MonitorState.UP, 250));
        assertThat(stored(m2, "h", D0 + 10 * HOUR)).isEqualTo(new Rollup().add(MonitorState.UNKNOWN, null));
        assertThat(stored(m1, "d", D0)).isEqualTo(stored(m1, "h", D0 + 10 * HOUR));

        assertThat(history().rollUpNextHour(now, settle)).isEqualTo(Instant.ofEpochMilli(D0 + 11 * HOUR));
        assertThat(history().watermark()).isEqualTo(D0 + 12 * HOUR);
        assertThat(stored(m2, "h", D0 + 11 * HOUR)).isEqualTo(new Rollup().add(MonitorState.UP, 50));
        assertThat(stored(m1, "h", D0 + 11 * HOUR)).isNull();

        assertThat(history().rollUpNextHour(now, settle)).isEqualTo(Instant.ofEpochMilli(D0 + 12 * HOUR));
        assertThat(history().watermark()).isEqualTo(D0 + 13 * HOUR);

        // 13:00 to 14:00 has not ended yet
        assertThat(history().rollUpNextHour(now, settle)).isNull();
        assertThat(history().watermark()).isEqualTo(D0 + 13 * HOUR);

        // each hour counted once: the day rollups are exactly the day's results
        assertThat(stored(m1, "d", D0)).isEqualTo(direct(Set.of(m1), D0, D0 + DAY));
        assertThat(stored(m2, "d", D0)).isEqualTo(direct(Set.of(m2), D0, D0 + DAY));
        assertThat(db().count("SELECT COUNT(*) FROM uptime_rollup WHERE period = 'h'"))
                .isEqualTo(4);
        assertThat(db().count("SELECT COUNT(*) FROM uptime_rollup WHERE period = 'd'"))
                .isEqualTo(2);
    }

    @Test
    void anHourIsRolledUpOnlyOnceItHasSettled() {
        long m = monitor("m", null);
        results(up(m, D0 + 13 * HOUR + MINUTE, 10));
        Duration settle = Duration.ofMinutes(5);

        // 13:00-14:00 is settled from 14:05 on
        assertThat(history().rollUpNextHour(Instant.ofEpochMilli(D0 + 14 * HOUR + 5 * MINUTE - 1), settle))
                .isNull();
        assertThat(history().watermark()).isEqualTo(D0 + 13 * HOUR);
        assertThat(history().rollUpNextHour(Instant.ofEpochMilli(D0 + 14 * HOUR + 5 * MINUTE), settle))
                .isEqualTo(Instant.ofEpochMilli(D0 + 13 * HOUR));
        assertThat(history().rollUpNextHour(Instant.ofEpochMilli(D0 + 14 * HOUR + 5 * MINUTE), settle))
                .isNull();
    }

    @Test
    void emptyHoursMoveTheWatermarkWithoutRollups() {
        long m = monitor("m", null);
        results(up(m, D0 + 2 * HOUR, 10), up(m, D0 + 5 * HOUR, 20));

        List<Instant> hours = rollUpAll(Instant.ofEpochMilli(D0 + 6 * HOUR + 30 * MINUTE), Duration.ofMinutes(10));

        assertThat(hours)
                .containsExactly(
                        Instant.ofEpochMilli(D0 + 2 * HOUR),
                        Instant.ofEpochMilli(D0 + 3 * HOUR),
                        Instant.ofEpochMilli(D0 + 4 * HOUR),
                        Instant.ofEpochMilli(D0 + 5 * HOUR));
        assertThat(history().watermark()).isEqualTo(D0 + 6 * HOUR);
        assertThat(db().count("SELECT COUNT(*) FROM uptime_rollup WHERE period = 'h'"))
                .isEqualTo(2);
        assertThat(stored(m, "d", D0))
                .isEqualTo(new Rollup().add(MonitorState.UP, 10).add(MonitorState.UP, 20));
    }

    @Test
    void withoutResultsTheFirstRunStartsAtTheCurrentHour() {
        Instant now = Instant.parse("2026-03-01T10:17:00Z");

        assertThat(history().rollUpNextHour(now, Duration.ofMinutes(5))).isNull();
        assertThat(history().watermark())
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
        assertThat(history().rollUpNextHour(Instant.parse("2026-03-01T11:06:00Z"), Duration.ofMinutes(5)))
                .isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void hoursAroundMidnightGoToTheirOwnDays() {
        long m = monitor("m", null);
        results(
                up(m, D0 + 22 * HOUR + MINUTE, 10),
                down(m, D0 + 23 * HOUR + 59 * MINUTE),
                up(m, D0 + DAY, 30),
                up(m, D0 + DAY + 30 * MINUTE, 40));

        rollUpAll(Instant.ofEpochMilli(D0 + DAY + 2 * HOUR), Duration.ZERO);

        assertThat(stored(m, "d", D0))
                .isEqualTo(new Rollup().add(MonitorState.UP, 10).add(MonitorState.DOWN, null));
        assertThat(stored(m, "d", D0 + DAY))
                .isEqualTo(new Rollup().add(MonitorState.UP, 30).add(MonitorState.UP, 40));
        assertThat(history().watermark()).isEqualTo(D0 + DAY + 2 * HOUR);
    }

    // ---------------------------------------------------------------- windows and days

    /** Three monitors checked every 7 minutes from 19:00 the day before D0 to just after {@code now}. */
    private List<Long> threeAndAHalfDays(long now) {
        List<Long> ids = List.of(monitor("a", 1L), monitor("b", 1L), monitor("c", 2L));
        Random random = new Random(2026);
        List<Result> all = new ArrayList<>();
        for (long at = D0 - 5 * HOUR; at <= now; at += 7 * MINUTE) {
            for (long id : ids) {
                int dice = random.nextInt(20);
                long t = at + random.nextInt(60_000);
                if (t > now) {
                    continue;
                }
                if (dice < 16) {
                    all.add(up(id, t, random.nextInt(3) == 0 ? 20 + random.nextInt(3000) : 20 + random.nextInt(200)));
                } else if (dice < 18) {
                    all.add(new Result(id, t, "down", random.nextBoolean() ? null : 10_000, dice == 16));
                } else if (dice < 19) {
                    all.add(new Result(id, t, "unknown", null, false));
                } else {
                    all.add(new Result(id, t, "up", null, false)); // up without a response time
                }
            }
        }
        all.add(up(ids.get(0), now, 999)); // exactly now: inside every window
        results(all);
        // one in the future: outside every window up to now (not in written, the direct model never sees it)
        db().update(
                        "INSERT INTO uptime_result (monitor_id, checked_at, outcome, response_ms, state_change)"
                                + " VALUES (?, ?, 'up', 5, FALSE)",
                        ids.get(0),
                        now + 1);
        return ids;
    }

    @Test
    void aWindowOverDaysHoursAndRawResultsEqualsTheRollupOfItsResults() {
        long now = D0 + 3 * DAY + 14 * HOUR + 20 * MINUTE;
        List<Long> ids = threeAndAHalfDays(now);

        List<Instant> rolled = rollUpAll(Instant.ofEpochMilli(now), Duration.ofMinutes(10));

        assertThat(rolled).first().isEqualTo(Instant.ofEpochMilli(D0 - 5 * HOUR));
        assertThat(rolled).last().isEqualTo(Instant.ofEpochMilli(D0 + 3 * DAY + 13 * HOUR));
        assertThat(rolled).hasSize(5 + 3 * 24 + 14);
        assertThat(history().watermark()).isEqualTo(D0 + 3 * DAY + 14 * HOUR);

        // day-aligned: day rollups, then hours, then raw results
        for (long from : List.of(D0, D0 + DAY, D0 + 3 * DAY, D0 - DAY)) {
            assertThat(history().window(ids, from, now))
                    .as("from " + Instant.ofEpochMilli(from))
                    .isEqualTo(direct(ids, from, now + 1));
        }
        // hour-aligned: hours, then raw results
        for (long from : List.of(D0 + 2 * DAY + 5 * HOUR, D0 + 3 * DAY + 13 * HOUR, D0 + 3 * DAY + 14 * HOUR)) {
            assertThat(history().window(ids, from, now))
                    .as("from " + Instant.ofEpochMilli(from))
                    .isEqualTo(direct(ids, from, now + 1));
        }
        // after the watermark: raw results only, from any instant
        long recent = now - 17 * MINUTE - 123;
        assertThat(history().window(ids, recent, now)).isEqualTo(direct(ids, recent, now + 1));
        // some monitors only
        assertThat(history().window(List.of(ids.get(1)), D0, now)).isEqualTo(direct(List.of(ids.get(1)), D0, now + 1));
        assertThat(history().window(List.of(ids.get(0), ids.get(2)), D0 + DAY, now))
                .isEqualTo(direct(List.of(ids.get(0), ids.get(2)), D0 + DAY, now + 1));
        // a window ending before the watermark reads hours up to its end
        long earlier = D0 + 2 * DAY + 9 * HOUR;
        assertThat(history().window(ids, D0 + 2 * DAY, earlier)).isEqualTo(direct(ids, D0 + 2 * DAY, earlier));
        assertThat(history().window(List.of(), D0, now)).isEqualTo(new Rollup());
        assertThat(direct(ids, D0, now + 1).checks()).isGreaterThan(1500);
    }

    @Test
    void aWindowBeforeAnyRollUpReadsRawResults() {
        long now = D0 + 2 * DAY + 3 * HOUR;
        List<Long> ids = threeAndAHalfDays(now);
        assertThat(history().watermark()).isNull();

        assertThat(history().window(ids, D0, now)).isEqualTo(direct(ids, D0, now + 1));
        assertThat(history().window(ids, D0 + 5 * HOUR, now)).isEqualTo(direct(ids, D0 + 5 * HOUR, now + 1));
    }

    @Test
    void dailyGivesOneRollupPerDayOldestFirst() {
        long now = D0 + 3 * DAY + 14 * HOUR + 20 * MINUTE;
        List<Long> ids = threeAndAHalfDays(now);
        rollUpAll(Instant.ofEpochMilli(now), Duration.ofMinutes(10));

        Map<LocalDate, Rollup> days = history().daily(ids, Instant.ofEpochMilli(now), 7);

        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        List<LocalDate> expectedDays = new ArrayList<>();
        for (int i = 6; i >= 0; i--) {
            expectedDays.add(today.minusDays(i));
        }
        assertThat(days.keySet()).containsExactlyElementsOf(expectedDays);
        for (LocalDate day : expectedDays) {
            long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            assertThat(days.get(day)).as(day.toString()).isEqualTo(direct(ids, start, Math.min(start + DAY, now + 1)));
        }
        assertThat(days.get(today.minusDays(6)).isEmpty()).isTrue();
        assertThat(days.get(today.minusDays(4)).isEmpty()).isFalse(); // the evening before D0

        Map<LocalDate, Rollup> one = history().daily(List.of(ids.get(2)), Instant.ofEpochMilli(now), 2);
        assertThat(one.keySet()).containsExactly(today.minusDays(1), today);
        assertThat(one.get(today)).isEqualTo(direct(List.of(ids.get(2)), D0 + 3 * DAY, now + 1));
        assertThat(history().daily(List.of(), Instant.ofEpochMilli(now), 3))
                .hasSize(3)
                .allSatisfy((d, r) -> assertThat(r.isEmpty()).isTrue());
    }

    @Test
    void dailyBeforeAnyRollUpReadsRawResults() {
        long now = D0 + DAY + 5 * HOUR;
        List<Long> ids = threeAndAHalfDays(now);

        Map<LocalDate, Rollup> days = history().daily(ids, Instant.ofEpochMilli(now), 3);

        assertThat(days.values())
                .containsExactly(direct(ids, D0 - DAY, D0), direct(ids, D0, D0 + DAY), direct(ids, D0 + DAY, now + 1));
    }

    // ---------------------------------------------------------------- retention

    @Test
    void purgeKeepsStateChangesLongerAndDeletesTheRestPastTheCutoffs() {
        long m = monitor("m", null);
        long rawCutoff = D0 + 10 * DAY;
        long hourCutoff = D0 + 5 * DAY;
        long dayCutoff = D0 + 2 * DAY;
        List<Result> old = new ArrayList<>();
        for (long at = rawCutoff - 20 * HOUR; at < rawCutoff; at += 30 * MINUTE) {
            old.add(up(m, at, 10)); // 40 results over 20 hours: several six-hour chunks
        }
        results(old);
        results(
                new Result(m, rawCutoff - DAY, "down", null, true), // a state change: kept
                new Result(m, dayCutoff - 1, "down", null, true), // a state change past the day cutoff: deleted
                down(m, dayCutoff - HOUR), // deleted
                up(m, rawCutoff, 10), // at the cutoff: kept
                up(m, rawCutoff + HOUR, 10)); // kept
        String rollup = "INSERT INTO uptime_rollup (monitor_id, period, bucket_start, up_count, down_count,"
                + " unknown_count, response_sum, response_count, histogram) VALUES (?, ?, ?, 0, 1, 0, 0, 0, '')";
        db().batch(
                        rollup,
                        List.<Object[]>of(
                                new Object[] {m, "h", hourCutoff - HOUR},
                                new Object[] {m, "h", hourCutoff - 2 * HOUR},
                                new Object[] {m, "h", hourCutoff},
                                new Object[] {m, "d", dayCutoff - DAY},
                                new Object[] {m, "d", dayCutoff}));
        String incident = "INSERT INTO uptime_incident (monitor_id, site_id, cause, detail, started_at, confirmed_at,"
                + " ended_at) VALUES (?, NULL, 'timeout', NULL, ?, ?, ?)";
        db().batch(
                        incident,
                        java.util.Arrays.asList(
                                new Object[] {m, dayCutoff - 3 * DAY, dayCutoff - 3 * DAY, dayCutoff - 2 * DAY
                                }, // deleted
                                new Object[] {m, dayCutoff - 3 * DAY, dayCutoff - 3 * DAY, dayCutoff + 1
                                }, // ended later: kept
                                new Object[] {m, dayCutoff - 3 * DAY, dayCutoff - 3 * DAY, null})); // still open: kept

        HistoryStore.Removed removed = history().purge(rawCutoff, hourCutoff, dayCutoff);

        assertThat(removed).isEqualTo(new HistoryStore.Removed(40 + 2, 2, 1, 1));
        assertThat(db().query("SELECT checked_at, state_change FROM uptime_result ORDER BY checked_at"))
                .containsExactly(
                        Map.of("checked_at", rawCutoff - DAY, "state_change", true),
                        Map.of("checked_at", rawCutoff, "state_change", false),
                        Map.of("checked_at", rawCutoff + HOUR, "state_change", false));
        assertThat(db().query("SELECT period, bucket_start FROM uptime_rollup ORDER BY period, bucket_start"))
                .containsExactly(
                        Map.of("period", "d", "bucket_start", dayCutoff),
                        Map.of("period", "h", "bucket_start", hourCutoff));
        assertThat(db().count("SELECT COUNT(*) FROM uptime_incident")).isEqualTo(2);
        assertThat(db().count("SELECT COUNT(*) FROM uptime_incident WHERE ended_at IS NULL"))
                .isEqualTo(1);

        assertThat(history().purge(rawCutoff, hourCutoff, dayCutoff)).isEqualTo(new HistoryStore.Removed(0, 0, 0, 0));
    }

    // ---------------------------------------------------------------- results and incidents

    @Test
    void resultsAreNewestFirstAndResponseTimesOldestFirst() {
        long m = monitor("m", null);
        long other = monitor("other", null);
        results(
                up(m, D0 + 1000, 11),
                down(m, D0 + 2000),
                up(m, D0 + 3000, 33),
                new Result(m, D0 + 4000, "up", null, false),
                up(m, D0 + 5000, 55),
                up(other, D0 + 6000, 66));

        List<CheckResultDto> newest = history().results(m, 3);

        assertThat(newest)
                .extracting(r -> r.checkedAt().toEpochMilli())
                .containsExactly(D0 + 5000, D0 + 4000, D0 + 3000);
        assertThat(history().results(m, 100)).hasSize(5);
        CheckResultDto failed = history().results(m, 100).get(3);
        assertThat(failed.outcome()).isEqualTo(MonitorState.DOWN);
        assertThat(failed.responseMs()).isNull();
        assertThat(history().recentResponseTimes(m, 10)).containsExactly(11, 33, 55);
        assertThat(history().recentResponseTimes(m, 2)).containsExactly(33, 55);
    }

    @Test
    void incidentsPageNewestFirstAndFilter() {
        long shop = monitor("shop", 1L);
        long blog = monitor("blog", 2L);
        long now = D0 + 10 * DAY;
        String sql = "INSERT INTO uptime_incident (monitor_id, site_id, cause, detail, started_at, confirmed_at,"
                + " ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = D0 + i * DAY;
            rows.add(new Object[] {shop, 1L, "timeout", "t" + i, started, started + MINUTE, started + 10 * MINUTE});
        }
        rows.add(new Object[] {blog, 2L, "dns", "d", D0 + 6 * DAY, D0 + 6 * DAY, null});
        rows.add(new Object[] {shop, 1L, "something-new", "n", D0 + 7 * DAY, D0 + 7 * DAY, null});
        db().batch(sql, rows);
        List<Long> ids = db().query("SELECT id FROM uptime_incident ORDER BY id").stream()
                .map(r -> (Long) r.get("id"))
                .toList();

        List<IncidentDto> first = history().incidents(null, null, false, 0, 3, now);
        List<IncidentDto> second =
                history().incidents(null, null, false, first.get(2).id(), 3, now);
        List<IncidentDto> third =
                history().incidents(null, null, false, second.get(2).id(), 3, now);

        assertThat(first).extracting(IncidentDto::id).containsExactly(ids.get(6), ids.get(5), ids.get(4));
        assertThat(second).extracting(IncidentDto::id).containsExactly(ids.get(3), ids.get(2), ids.get(1));
        assertThat(third).extracting(IncidentDto::id).containsExactly(ids.get(0));

        IncidentDto open = first.get(1);
        assertThat(open.monitorId()).isEqualTo(blog);
        assertThat(open.monitorName()).isEqualTo("blog");
        assertThat(open.siteId()).isEqualTo(2L);
        assertThat(open.cause()).isEqualTo(FailureCause.DNS);
        assertThat(open.open()).isTrue();
        assertThat(open.durationSeconds()).isEqualTo((now - (D0 + 6 * DAY)) / 1000);
        IncidentDto closed = first.get(2);
        assertThat(closed.endedAt()).isEqualTo(Instant.ofEpochMilli(D0 + 4 * DAY + 10 * MINUTE));
        assertThat(closed.durationSeconds()).isEqualTo(600);
        assertThat(closed.detail()).isEqualTo("t4");
        assertThat(first.get(0).cause()).isEqualTo(FailureCause.ERROR); // an unknown stored cause

        assertThat(history().incidents(shop, null, false, 0, 100, now)).hasSize(6);
        assertThat(history().incidents(null, 2L, false, 0, 100, now))
                .extracting(IncidentDto::monitorId)
                .containsExactly(blog);
        assertThat(history().incidents(null, null, true, 0, 100, now))
                .extracting(IncidentDto::id)
                .containsExactly(ids.get(6), ids.get(5));
        assertThat(history().incidents(shop, 1L, true, 0, 100, now))
                .extracting(IncidentDto::id)
                .containsExactly(ids.get(6));
        assertThat(history().countIncidents(null, null, false)).isEqualTo(7);
        assertThat(history().countIncidents(shop, null, false)).isEqualTo(6);
        assertThat(history().countIncidents(null, 2L, true)).isEqualTo(1);
        assertThat(history().countIncidents(null, null, true)).isEqualTo(2);
        assertThat(history().incidentsSince(List.of(shop), D0 + 3 * DAY)).isEqualTo(3);
        assertThat(history().incidentsSince(List.of(shop, blog), D0 + 3 * DAY)).isEqualTo(4);
        assertThat(history().incidentsSince(List.of(), D0)).isZero();
    }

    @Test
    void resultsWrittenThroughRecordRollUpLikeAnyOther() {
        long m = monitor("m", null);
        MonitorStore monitors = db().monitors();
        long hour = D0 + 8 * HOUR;
        for (int i = 0; i < 6; i++) {
            long at = hour + i * 10 * MINUTE;
            monitors.claimOne(m, "n/" + i, at, at + MINUTE);
            String outcome = i == 2 ? "down" : i == 4 ? "unknown" : "up";
            CheckWrite w = new CheckWrite(
                    m,
                    "n/" + i,
                    at,
                    outcome,
                    "up".equals(outcome) ? 100 + i : null,
                    null,
                    null,
                    null,
                    "up",
                    0,
                    1,
                    null,
                    D0,
                    false,
                    at + 10 * MINUTE,
                    null,
                    null,
                    CheckWrite.NONE,
                    null,
                    null,
                    at);
            assertThat(monitors.record(List.of(w)).get(0).applied()).isTrue();
            written.add(new Result(m, at, outcome, w.responseMs(), false));
        }

        assertThat(rollUpAll(Instant.ofEpochMilli(hour + HOUR + 10 * MINUTE), Duration.ofMinutes(5)))
                .containsExactly(Instant.ofEpochMilli(hour));
        assertThat(stored(m, "h", hour)).isEqualTo(direct(List.of(m), hour, hour + HOUR));
        assertThat(stored(m, "h", hour).up()).isEqualTo(4);
        assertThat(stored(m, "h", hour).down()).isEqualTo(1);
        assertThat(stored(m, "h", hour).unknown()).isEqualTo(1);
        assertThat(history().window(List.of(m), D0, hour + HOUR + 10 * MINUTE))
                .isEqualTo(direct(List.of(m), D0, hour + HOUR));
    }
}
