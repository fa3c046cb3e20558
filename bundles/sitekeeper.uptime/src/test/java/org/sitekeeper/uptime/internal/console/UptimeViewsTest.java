package org.sitekeeper.uptime.internal.console;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.DailyBar;
import org.sitekeeper.uptime.api.FailureCause;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.api.MonitorType;
import org.sitekeeper.uptime.api.SiteUptime;
import org.sitekeeper.uptime.api.UptimeStats;

import static org.assertj.core.api.Assertions.assertThat;

class UptimeViewsTest {

    private static final String EVIL = "<script>alert(1)</script><img src=x onerror=\"pwn()\">'\"";
    private static final Instant NOW = Instant.parse("2026-03-30T12:00:00Z");

    private static MonitorDto monitor(long id, String name, MonitorState state) {
        return new MonitorDto(
                id,
                name,
                MonitorType.HTTP,
                "https://shop.example.com/?q=\"><b>x</b>",
                7L,
                "GET",
                "200-399",
                "Add <em>to</em> cart",
                false,
                Map.of("X-<Token>", "********"),
                true,
                0,
                10,
                300,
                2,
                1,
                false,
                true,
                state,
                NOW.minusSeconds(3600),
                NOW.minusSeconds(60),
                null,
                503,
                FailureCause.STATUS,
                "status 503: " + EVIL,
                NOW.plusSeconds(240),
                NOW.plusSeconds(86_400L * 20),
                20,
                11L,
                NOW.minusSeconds(86_400),
                NOW.minusSeconds(7200));
    }

    private static IncidentDto incident(long id, boolean open) {
        return new IncidentDto(
                id,
                1,
                EVIL,
                7L,
                FailureCause.TIMEOUT,
                "no answer: " + EVIL,
                NOW.minusSeconds(600),
                open ? null : NOW.minusSeconds(300),
                open ? 600 : 300);
    }

    private static List<UptimeStats> stats() {
        return List.of(
                new UptimeStats("24h", 99.5, 120, 300, 288, 1),
                new UptimeStats("7d", 99.95, 110, 280, 2016, 1),
                new UptimeStats("30d", null, null, null, 0, 0),
                new UptimeStats("365d", 100.0, 100, 200, 1000, 0));
    }

    private static List<DailyBar> days() {
        return List.of(
                new DailyBar(LocalDate.of(2026, 3, 29), 100.0, 100, 288, 0),
                new DailyBar(LocalDate.of(2026, 3, 30), 98.0, 100, 144, 600));
    }

    private static String render(Consumer<PrintWriter> view) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            view.accept(out);
        }
        return text.toString();
    }

    private static MonitorView.Data data(MonitorDto m) {
        return new MonitorView.Data(
                m,
                stats(),
                days(),
                List.of(120, 130, 110),
                List.of(new CheckResultDto(
                        m.id(), NOW, MonitorState.DOWN, null, 503, FailureCause.STATUS, "detail " + EVIL, null)),
                new Page<>(List.of(incident(11, true), incident(10, false)), 5, "next-cursor"));
    }

    @Test
    void monitorViewEscapesEveryStoredString() {
        String html = render(out -> MonitorView.render(data(monitor(1, EVIL, MonitorState.DOWN)), "", out));

        assertThat(html)
                .doesNotContain("<script")
                .doesNotContain("<img")
                .doesNotContain("<b>")
                .doesNotContain("<em>");
        assertThat(html).doesNotContain("X-<Token>").contains("X-&lt;Token&gt;");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;pwn()&quot;&gt;");
        assertThat(html).contains("https://shop.example.com/?q=&quot;&gt;&lt;b&gt;x&lt;/b&gt;");
        assertThat(html).doesNotContainPattern(" on[a-z]+=\"").doesNotContain("style=");
    }

    @Test
    void monitorViewShowsStateStatsBarSparklineChecksAndIncidents() {
        String html = render(out -> MonitorView.render(data(monitor(1, "Shop", MonitorState.DOWN)), "", out));

        assertThat(html).contains("<h2 id=\"sk-monitor-title\">Shop <span class=\"sk-badge sk-bad\">down</span></h2>");
        assertThat(html).contains("id=\"sk-last-error\"").contains("status: status 503");
        assertThat(html).contains("<tr data-window=\"24h\"><td>24h</td><td><span class=\"sk-badge sk-warn\">99.50 %");
        assertThat(html).contains("<tr data-window=\"30d\"><td>30d</td><td><span class=\"sk-badge sk-muted\">-");
        assertThat(html).contains("id=\"sk-uptime-days\"").contains("data-day=\"2026-03-30\" data-level=\"low\"");
        assertThat(html).contains("id=\"sk-sparkline\"").contains("3 successful checks: min 110 ms");
        assertThat(html).contains("<tr data-outcome=\"down\">");
        assertThat(html).contains("data-incident-id=\"11\"").contains("data-incident-id=\"10\"");
        assertThat(html).contains("href=\"?monitor=1&amp;incidents_cursor=next-cursor\">Older incidents");
        assertThat(html).contains("must contain <code>Add &lt;em&gt;to&lt;/em&gt; cart</code>");
        assertThat(html).contains("expires 2026-04-19 12:00:00Z (20 days left)");
    }

    @Test
    void monitorViewShowsTheCheckFormOnlyWhenGivenOne() {
        String form = "<form id=\"sk-check-now\"></form>";

        assertThat(render(out -> MonitorView.render(data(monitor(1, "Shop", MonitorState.UP)), form, out)))
                .contains(form);
        assertThat(render(out -> MonitorView.render(data(monitor(1, "Shop", MonitorState.UP)), "", out)))
                .doesNotContain("sk-check-now");
    }

    @Test
    void monitorWithoutChecksSaysSoInsteadOfEmptyCharts() {
        MonitorDto m = monitor(2, "New", MonitorState.UNKNOWN);
        MonitorView.Data empty =
                new MonitorView.Data(m, stats(), days(), List.of(), List.of(), new Page<>(List.of(), 0, null));

        String html = render(out -> MonitorView.render(empty, "", out));

        assertThat(html).contains("No successful checks recorded yet.").contains("Not checked yet.");
        assertThat(html).contains("<p class=\"sk-dim\" id=\"sk-incidents\">No incidents.</p>");
        assertThat(html).doesNotContain("Older incidents");
    }

    @Test
    void pausedMonitorIsNotScheduledAndSaysSo() {
        MonitorDto running = monitor(3, "Paused", MonitorState.PAUSED);
        MonitorDto paused = new MonitorDto(
                running.id(),
                running.name(),
                running.type(),
                running.url(),
                running.siteId(),
                running.method(),
                running.expectedStatus(),
                running.keyword(),
                running.keywordAbsent(),
                running.headers(),
                running.followRedirects(),
                running.maxResponseMs(),
                running.timeoutSeconds(),
                running.intervalSeconds(),
                running.failuresToDown(),
                running.successesToUp(),
                running.ignoreTlsErrors(),
                false,
                MonitorState.PAUSED,
                running.stateSince(),
                running.lastCheckAt(),
                running.lastResponseMs(),
                running.lastStatusCode(),
                null,
                null,
                null,
                running.certificateExpiresAt(),
                running.certificateDaysLeft(),
                null,
                running.createdAt(),
                running.updatedAt());

        String html = render(out -> MonitorView.render(data(paused), "", out));

        assertThat(html).contains("not scheduled").doesNotContain(" · next ");
        assertThat(html).contains("<span class=\"sk-badge sk-muted\">paused</span>");
        assertThat(html).doesNotContain("sk-last-error");
    }

    @Test
    void siteViewListsItsMonitorsWithLinksAndEscapesThem() {
        SiteUptime site = new SiteUptime(
                7,
                MonitorState.DOWN,
                List.of(monitor(1, EVIL, MonitorState.DOWN), monitor(2, "Blog", MonitorState.UP)),
                stats(),
                List.of(incident(11, true)),
                days());

        String html = render(out -> SiteView.render(site, out));

        assertThat(html).contains("<h2 id=\"sk-site-title\">Site 7 <span class=\"sk-badge sk-bad\">down</span>");
        assertThat(html).contains("<tr data-monitor-id=\"1\" data-state=\"down\">");
        assertThat(html).contains("<a href=\"?monitor=2\">Blog</a>");
        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        assertThat(html).contains("<span class=\"sk-badge sk-bad\">open</span>");
    }

    @Test
    void checkOutcomeReadsAsOneLine() {
        assertThat(UptimePage.outcome(new CheckResultDto(1, NOW, MonitorState.UP, 123, 200, null, null, null)))
                .isEqualTo("Checked: up in 123 ms (status 200)");
        assertThat(UptimePage.outcome(new CheckResultDto(
                        1, NOW, MonitorState.DOWN, null, null, FailureCause.TIMEOUT, "no answer in 10 s", null)))
                .isEqualTo("Checked: down — timeout: no answer in 10 s");
    }
}
