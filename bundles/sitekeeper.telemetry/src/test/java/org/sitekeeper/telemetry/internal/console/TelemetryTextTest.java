package org.sitekeeper.telemetry.internal.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sitekeeper.telemetry.api.StatsOverview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.NOW;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.connection;
import static org.sitekeeper.telemetry.internal.console.ConsoleFakes.installation;

class TelemetryTextTest {

    @Test
    void lastSyncReadsLikeSeedOne() {
        assertThat(TelemetryText.lastSync(connection("c1", "a", "connected", NOW.minusSeconds(180))))
                .isEqualTo("Last sync: 3 minutes ago");
        assertThat(TelemetryText.lastSync(connection("c2", "b", "connected", NOW.minusSeconds(59))))
                .isEqualTo("Last sync: just now");
        assertThat(TelemetryText.lastSync(connection("c3", "c", "never", null))).isEqualTo("Never synced");
    }

    @Test
    void versionArrowOnlyWhileANewerVersionIsRegistered() {
        assertThat(TelemetryText.version(installation("a", "m", "wc", "1.2.0", "1.3.5", "outdated", "minor")))
                .isEqualTo("1.2.0 → 1.3.5");
        // blocked but behind: still the arrow
        assertThat(TelemetryText.version(installation("a", "m", "wc", "1.2.0", "2.0.0", "blocked", "major")))
                .isEqualTo("1.2.0 → 2.0.0");
        assertThat(TelemetryText.version(installation("a", "m", "wc", "1.3.5", "1.3.5", "active", null)))
                .isEqualTo("1.3.5");
        assertThat(TelemetryText.version(installation("a", "m", "wc", "1.3.5", null, "active", null)))
                .isEqualTo("1.3.5");
        assertThat(TelemetryText.version(installation("a", "m", "wc", null, "1.3.5", "error", null)))
                .isEqualTo("-");
    }

    @Test
    void percentHasAtMostTwoDecimals() {
        assertThat(TelemetryText.percent(1.23)).isEqualTo("1.23 %");
        assertThat(TelemetryText.percent(2.5)).isEqualTo("2.5 %");
        assertThat(TelemetryText.percent(5.0)).isEqualTo("5 %");
        assertThat(TelemetryText.percent(0)).isEqualTo("0 %");
        assertThat(TelemetryText.percent(33.3333)).isEqualTo("33.33 %");
        assertThat(TelemetryText.percent(0.005)).isEqualTo("0.01 %");
        assertThat(TelemetryText.percent(Double.NaN)).isEqualTo("-");
    }

    @Test
    void smallTextHelpers() {
        assertThat(TelemetryText.firstLine("java.lang.Error: boom\n\tat a.b(C.java:1)"))
                .isEqualTo("java.lang.Error: boom");
        assertThat(TelemetryText.cut("abcdef", 4)).isEqualTo("abc…");
        assertThat(TelemetryText.cut("abc", 4)).isEqualTo("abc");
        assertThat(TelemetryText.oneLine("a\r\n\tb")).isEqualTo("a b");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("amount", 1200);
        data.put("note", "two\nlines");
        assertThat(TelemetryText.pairs(data, 100)).isEqualTo("amount=1200, note=two lines");
        assertThat(TelemetryText.pairs(Map.of(), 100)).isEmpty();
        assertThat(TelemetryText.blankToNull("  ")).isNull();
        assertThat(TelemetryText.blankToNull(" x ")).isEqualTo("x");
    }

    @Test
    void overviewCardShowsCountsCmsBarsAndConnections() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            TelemetryOverviewCard.render(
                    ConsoleFakes.stats(),
                    List.of(
                            connection("c1", "a", "connected", NOW),
                            connection("c2", "b", "stale", NOW.minusSeconds(7200)),
                            connection("c3", "b", "revoked", Instant.EPOCH)),
                    out);
        }
        String html = text.toString();

        assertThat(html).contains("<span class=\"sk-badge sk-warn\">45 outdated</span>");
        assertThat(html).contains("<td data-count=\"outdated\">45 (3.49 %)</td>");
        assertThat(html).contains("<td data-count=\"high-error-rate\"><span class=\"sk-badge sk-bad\">12</span></td>");
        assertThat(html).contains("<td data-count=\"avg-error-rate\">1.23 %</td>");
        assertThat(html).contains("<td data-count=\"connections\">1 of 2 connected</td>");
        assertThat(html).contains(">woocommerce</text>").contains("<svg");
        assertThat(html).contains("<a href=\"telemetry\">Dashboard</a>").contains("<a href=\"connections\">");
    }

    @Test
    void overviewCardOfAnEmptyFleet() {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            TelemetryOverviewCard.render(new StatsOverview(0, 0, 0, 0, 0, 0, 0, 0, 0, List.of()), List.of(), out);
        }

        assertThat(text.toString()).contains("no installations").doesNotContain("<svg");
    }
}
