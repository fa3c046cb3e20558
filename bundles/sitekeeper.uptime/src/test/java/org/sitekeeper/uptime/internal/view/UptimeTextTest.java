package org.sitekeeper.uptime.internal.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.uptime.api.DailyBar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UptimeTextTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

    private static List<DailyBar> days(Double... percents) {
        List<DailyBar> days = new ArrayList<>();
        for (int i = 0; i < percents.length; i++) {
            days.add(new DailyBar(FIRST.plusDays(i), percents[i], percents[i] == null ? null : 120, 288, 0));
        }
        return days;
    }

    @Test
    void barHasOneCharacterPerDayOldestFirstInBrackets() {
        String bar = UptimeText.bar(days(100.0, 99.95, 99.5, 97.0, 50.0, null));

        assertThat(bar).isEqualTo("[██▓▒░·]");
    }

    @Test
    void thirtyDaysMakeAThirtyTwoCharacterBar() {
        List<DailyBar> month = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            month.add(new DailyBar(FIRST.plusDays(i), i == 12 ? 80.0 : 100.0, 100, 288, 0));
        }

        String bar = UptimeText.bar(month);

        assertThat(bar).hasSize(32).startsWith("[").endsWith("]");
        assertThat(bar.charAt(13)).isEqualTo('░');
        assertThat(bar.chars().filter(c -> c == '█')).hasSize(29);
    }

    @Test
    void emptyHistoryIsAnEmptyBar() {
        assertThat(UptimeText.bar(List.of())).isEqualTo("[]");
    }

    @Test
    void percentIsCutNotRoundedSoAFailureNeverReadsAsAHundred() {
        assertThat(UptimeText.percent(99.999)).isEqualTo("99.99 %");
        assertThat(UptimeText.percent(99.995)).isEqualTo("99.99 %");
        assertThat(UptimeText.percent(100.0)).isEqualTo("100 %");
    }

    @Test
    void percentKeepsValuesThatBinaryFloatingPointCannotHoldExactly() {
        // 99.95 * 100 is 9994.999… in binary floating point
        assertThat(UptimeText.percent(99.95)).isEqualTo("99.95 %");
        assertThat(UptimeText.percent(12.34)).isEqualTo("12.34 %");
        assertThat(UptimeText.percent(0.0)).isEqualTo("0.00 %");
    }

    @Test
    void percentWithoutDataIsADash() {
        assertThat(UptimeText.percent(null)).isEqualTo("-");
        assertThat(UptimeText.percent(Double.NaN)).isEqualTo("-");
    }

    @Test
    void millisecondsOrADash() {
        assertThat(UptimeText.millis(123)).isEqualTo("123 ms");
        assertThat(UptimeText.millis(null)).isEqualTo("-");
    }

    @Test
    void typedNumbersAreParsedOrRefusedNamingTheField() {
        assertThat(UptimeText.wholeNumber("interval", " 60 ")).isEqualTo(60);
        assertThat(UptimeText.wholeNumber("interval", null)).isNull();
        assertThat(UptimeText.id("site", "42")).isEqualTo(42L);
        assertThat(UptimeText.id("site", "")).isNull();
        assertThatThrownBy(() -> UptimeText.wholeNumber("interval", "5m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("interval must be a whole number")
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("interval");
        assertThatThrownBy(() -> UptimeText.id("site", "0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("site must be a positive id");
        assertThatThrownBy(() -> UptimeText.id("site", "abc")).isInstanceOf(InvalidInputException.class);
    }
}
