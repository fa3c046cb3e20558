package org.sitekeeper.uptime.internal.rest;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.uptime.api.FailureCause;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.api.MonitorType;
import org.sitekeeper.uptime.internal.engine.CheckEngine;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static MonitorDto monitor(long id, String name, MonitorState state, Integer ms, Integer days) {
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        return new MonitorDto(
                id,
                name,
                MonitorType.HTTP,
                "https://shop" + id + ".example/",
                id % 2 == 0 ? 7L : null,
                "GET",
                "200-399",
                null,
                false,
                Map.of(),
                true,
                0,
                10,
                300,
                2,
                1,
                false,
                state != MonitorState.PAUSED,
                state,
                t,
                t,
                ms,
                200,
                state == MonitorState.DOWN ? FailureCause.TIMEOUT : null,
                null,
                t,
                null,
                days,
                null,
                t,
                t);
    }

    @Test
    void everyMonitorOfEveryPageAppearsOnceWithEscapedLabels() throws Exception {
        List<MonitorDto> all = new ArrayList<>();
        for (long id = 1; id <= 1203; id++) {
            MonitorState state =
                    id % 10 == 0 ? MonitorState.DOWN : id % 17 == 0 ? MonitorState.PAUSED : MonitorState.UP;
            all.add(monitor(
                    id,
                    id == 5 ? "Shop \"A\"\\B\nC" : "m" + id,
                    state,
                    state == MonitorState.UP ? (int) id : null,
                    id == 3 ? 9 : null));
        }
        StringWriter out = new StringWriter();
        PrometheusText.write(
                out, page -> page(all, page), new CheckEngine.Stats(42, 3, 5, 6, 0, 12, 340, 900, 0, null, null));
        String text = out.toString();

        long upLines = text.lines()
                .filter(l -> l.startsWith("sitekeeper_uptime_monitor_up{"))
                .count();
        long paused = all.stream().filter(m -> m.state() == MonitorState.PAUSED).count();
        assertThat(upLines).isEqualTo(all.size() - paused);
        assertThat(text)
                .contains(
                        "sitekeeper_uptime_monitor_up{monitor_id=\"10\",name=\"m10\",url=\"https://shop10.example/\",site_id=\"7\"} 0\n");
        assertThat(text)
                .contains(
                        "sitekeeper_uptime_monitor_up{monitor_id=\"1\",name=\"m1\",url=\"https://shop1.example/\"} 1\n");
        assertThat(text).contains("name=\"Shop \\\"A\\\"\\\\B\\nC\"");
        assertThat(text)
                .contains(
                        "sitekeeper_uptime_certificate_days_left{monitor_id=\"3\",name=\"m3\",url=\"https://shop3.example/\"} 9\n");
        assertThat(text).contains("sitekeeper_uptime_response_ms{monitor_id=\"1203\"");
        assertThat(text)
                .contains(
                        "sitekeeper_uptime_checks_total 42\n",
                        "sitekeeper_uptime_dispatch_lag_ms{quantile=\"0.99\"} 340\n",
                        "sitekeeper_uptime_degraded 0\n");
        assertThat(text.lines()
                        .filter(l -> l.startsWith("# TYPE sitekeeper_uptime_response_ms"))
                        .count())
                .isEqualTo(1);
        // every sample line is name{labels} value or name value
        assertThat(text.lines().filter(l -> !l.startsWith("#")))
                .allMatch(l -> l.matches("[a-z_]+(\\{.*\\})? -?[0-9]+"));
    }

    private static Page<MonitorDto> page(List<MonitorDto> all, PageRequest request) {
        List<MonitorDto> items = all.stream()
                .filter(m -> m.id() > request.after())
                .limit(request.limit())
                .toList();
        boolean more = !items.isEmpty()
                && items.get(items.size() - 1).id() < all.get(all.size() - 1).id();
        return new Page<>(
                items,
                all.size(),
                more ? Cursors.encode(items.get(items.size() - 1).id()) : null);
    }
}
