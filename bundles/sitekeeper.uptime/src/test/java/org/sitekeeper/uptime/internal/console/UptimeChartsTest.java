package org.sitekeeper.uptime.internal.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.sitekeeper.uptime.api.DailyBar;

import static org.assertj.core.api.Assertions.assertThat;

class UptimeChartsTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 3, 1);

    private static List<DailyBar> month() {
        List<DailyBar> days = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Double percent = i == 3 ? null : i == 10 ? 99.5 : i == 20 ? 97.0 : i == 25 ? 42.0 : 100.0;
            days.add(new DailyBar(
                    FIRST.plusDays(i),
                    percent,
                    percent == null ? null : 150,
                    percent == null ? 0 : 288,
                    i == 25 ? 50_112 : 0));
        }
        return days;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void dayBarHasThirtyCellsOldestFirstEachColouredByItsLevel() {
        String svg = UptimeCharts.dayBar(month());

        assertThat(count(svg, "<rect ")).isEqualTo(30);
        assertThat(svg.indexOf("data-day=\"2026-03-01\"")).isLessThan(svg.indexOf("data-day=\"2026-03-30\""));
        assertThat(count(svg, "data-level=\"full\"")).isEqualTo(26);
        assertThat(svg).contains("data-day=\"2026-03-04\" data-level=\"none\"");
        assertThat(svg).contains("class=\"sk-fill-warn\" data-day=\"2026-03-11\" data-level=\"high\"");
        assertThat(svg)
                .contains("class=\"sk-fill-bad\" fill-opacity=\"0.6\" data-day=\"2026-03-21\" data-level=\"low\"");
        assertThat(svg).contains("class=\"sk-fill-bad\" data-day=\"2026-03-26\" data-level=\"bad\"");
        // 30 cells of 10 px with 2 px gaps
        assertThat(svg).contains("width=\"358\"").contains("viewBox=\"0 0 358 28\"");
        assertThat(svg).contains("<rect x=\"348\"");
    }

    @Test
    void eachCellCarriesTheDaysFiguresAsATooltip() {
        String svg = UptimeCharts.dayBar(month());

        assertThat(svg).contains("<title>2026-03-01: 100 % up, 288 checks, avg 150 ms</title>");
        assertThat(svg).contains("<title>2026-03-04: no data</title>");
        assertThat(svg).contains("<title>2026-03-26: 42.00 % up, 288 checks, avg 150 ms, down about 13 h</title>");
    }

    @Test
    void chartsAreCspSafe() {
        String svg = UptimeCharts.dayBar(month()) + UptimeCharts.sparkline(List.of(100, 250, 90), 600, 60);

        assertThat(svg).doesNotContain("style=").doesNotContain("<script").doesNotContainPattern(" on[a-z]+=");
    }

    @Test
    void sparklinePathSpansTheBoxAndStartsItsScaleAtZero() {
        // 101 × 22: x from 1 to 100, y from 21 (0 ms) up to 1 (the slowest answer)
        assertThat(UptimeCharts.path(List.of(100, 200, 300), 101, 22)).isEqualTo("M1,14.3 L50.5,7.7 L100,1");
    }

    @Test
    void steadyAnswersDrawAFlatLineNotJitterBlownUp() {
        assertThat(UptimeCharts.path(List.of(200, 202, 200), 101, 22)).isEqualTo("M1,1.2 L50.5,1 L100,1.2");
    }

    @Test
    void zeroesStayOnTheBaselineAndOneValueSitsInTheMiddle() {
        assertThat(UptimeCharts.path(List.of(0, 0), 11, 11)).isEqualTo("M1,10 L10,10");
        assertThat(UptimeCharts.path(List.of(80), 100, 20)).isEqualTo("M50,1");
    }

    @Test
    void sparklineWithoutValuesIsAnEmptyBox() {
        String svg = UptimeCharts.sparkline(List.of(), 600, 60);

        assertThat(svg).startsWith("<svg").endsWith("</svg>").doesNotContain("<path");
    }

    @Test
    void sparklineSaysWhatItShows() {
        String svg = UptimeCharts.sparkline(List.of(80, 120, 900), 600, 60);

        assertThat(svg).contains("<title>3 successful checks: min 80 ms, avg 367 ms, max 900 ms</title>");
        assertThat(svg).contains("<path fill=\"none\" class=\"sk-line\" d=\"M1,");
    }

    @Test
    void numbersHaveAtMostOneDecimal() {
        assertThat(UptimeCharts.num(3.0)).isEqualTo("3");
        assertThat(UptimeCharts.num(14.333)).isEqualTo("14.3");
        assertThat(UptimeCharts.num(0.55)).isEqualTo("0.6");
        assertThat(UptimeCharts.num(7.96)).isEqualTo("8");
    }
}
