package org.sitekeeper.uptime.internal.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.sitekeeper.rest.api.MetricsText;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.internal.engine.CheckEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UptimeMetricsTest {

    private final List<MonitorDto> monitors = new ArrayList<>(List.of(
            UptimeFamiliesTest.monitor(1, "one", MonitorState.UP, 10, null),
            UptimeFamiliesTest.monitor(2, "two", MonitorState.DOWN, null, null)));
    private final AtomicInteger pagesRead = new AtomicInteger();
    private final AtomicLong checks = new AtomicLong(1);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final UptimeMetrics metrics = new UptimeMetrics(
            page -> {
                pagesRead.incrementAndGet();
                return UptimeFamiliesTest.page(monitors, page);
            },
            () -> new CheckEngine.Stats(checks.get(), 0, 0, 0, 0, 0, 0, 0, 0, null, null),
            now::get);

    private String scrape() {
        StringBuilder out = new StringBuilder();
        metrics.collect(MetricsText.writer(out));
        return out.toString();
    }

    @Test
    void writesTheBaseUnitFamilies() {
        assertThat(scrape())
                .contains(
                        "sitekeeper_uptime_monitor_up{monitor_id=\"1\",name=\"one\",url=\"https://shop1.example/\"} 1\n")
                .contains(
                        "sitekeeper_uptime_response_seconds{monitor_id=\"1\",name=\"one\",url=\"https://shop1.example/\"} 0.01\n")
                .contains("# TYPE sitekeeper_uptime_dispatch_lag_seconds summary\n");
    }

    @Test
    void readsTheMonitorsAtMostOnceIn15SecondsButTheEngineEveryTime() {
        scrape();
        monitors.add(UptimeFamiliesTest.monitor(3, "three", MonitorState.UP, 5, null));
        checks.set(77);
        now.addAndGet(UptimeMetrics.MAX_AGE.toNanos());

        String cached = scrape();

        assertThat(pagesRead).hasValue(1);
        assertThat(cached).doesNotContain("monitor_id=\"3\"").contains("sitekeeper_uptime_checks_total 77\n");

        now.addAndGet(1);
        String fresh = scrape();

        assertThat(pagesRead).hasValue(2);
        assertThat(fresh).contains("monitor_id=\"3\"");
    }

    @Test
    void failsWhenTheMonitorsCannotBeReadAndTriesAgainNextScrape() {
        UptimeMetrics broken = new UptimeMetrics(
                page -> {
                    throw new IllegalStateException("database down");
                },
                () -> new CheckEngine.Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, null, null),
                now::get);
        StringBuilder out = new StringBuilder();

        assertThatThrownBy(() -> broken.collect(MetricsText.writer(out))).hasMessage("database down");
        assertThatThrownBy(() -> broken.collect(MetricsText.writer(out))).hasMessage("database down");
        assertThat(out).isEmpty();
    }
}
