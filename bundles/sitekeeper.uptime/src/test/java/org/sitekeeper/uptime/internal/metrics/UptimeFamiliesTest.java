package org.sitekeeper.uptime.internal.metrics;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.rest.api.MetricsText;
import org.sitekeeper.uptime.api.FailureCause;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.api.MonitorType;
import org.sitekeeper.uptime.internal.engine.CheckEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class UptimeFamiliesTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final CheckEngine.Stats ENGINE = new CheckEngine.Stats(42, 3, 5, 6, 0, 12, 340, 900, 0, null, null);

    static MonitorDto monitor(long id, String name, MonitorState state, Integer ms, Integer days) {
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
                T,
                T,
                ms,
                200,
                state == MonitorState.DOWN ? FailureCause.TIMEOUT : null,
                null,
                T,
                days == null ? null : T.plusSeconds(days * 86_400L),
                days,
                null,
                T,
                T);
    }

    static Page<MonitorDto> page(List<MonitorDto> all, PageRequest request) {
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

    private static String text(List<MonitorDto> all, CheckEngine.Stats engine, UptimeFamilies.Units units) {
        StringWriter out = new StringWriter();
        UptimeFamilies.write(MetricsText.writer(out), UptimeFamilies.paged(p -> page(all, p)), engine, units);
        return out.toString();
    }

    private static final List<MonitorDto> THREE = List.of(
            monitor(1, "Shop \"A\"\\B\nC", MonitorState.UP, 120, 30),
            monitor(2, "blog", MonitorState.DOWN, null, null),
            monitor(3, "paused", MonitorState.PAUSED, 80, null));

    @Test
    void legacyKeepsTheNamesAndUnitsTheUptimeEndpointAlwaysServed() {
        assertThat(text(THREE, ENGINE, UptimeFamilies.Units.LEGACY))
                .isEqualTo(
                        """
                        # HELP sitekeeper_uptime_monitor_up 1 while the monitor is up, 0 while down (absent while unknown or paused).
                        # TYPE sitekeeper_uptime_monitor_up gauge
                        sitekeeper_uptime_monitor_up{monitor_id="1",name="Shop \\"A\\"\\\\B\\nC",url="https://shop1.example/"} 1
                        sitekeeper_uptime_monitor_up{monitor_id="2",name="blog",url="https://shop2.example/",site_id="7"} 0
                        # HELP sitekeeper_uptime_response_ms Response time of the last check in milliseconds.
                        # TYPE sitekeeper_uptime_response_ms gauge
                        sitekeeper_uptime_response_ms{monitor_id="1",name="Shop \\"A\\"\\\\B\\nC",url="https://shop1.example/"} 120
                        sitekeeper_uptime_response_ms{monitor_id="3",name="paused",url="https://shop3.example/"} 80
                        # HELP sitekeeper_uptime_certificate_days_left Days until the HTTPS certificate last seen expires.
                        # TYPE sitekeeper_uptime_certificate_days_left gauge
                        sitekeeper_uptime_certificate_days_left{monitor_id="1",name="Shop \\"A\\"\\\\B\\nC",url="https://shop1.example/"} 30
                        # HELP sitekeeper_uptime_checks_total Checks this node ran since it started.
                        # TYPE sitekeeper_uptime_checks_total counter
                        sitekeeper_uptime_checks_total 42
                        # HELP sitekeeper_uptime_unknown_checks_total Checks this node could not vouch for.
                        # TYPE sitekeeper_uptime_unknown_checks_total counter
                        sitekeeper_uptime_unknown_checks_total 3
                        # HELP sitekeeper_uptime_dispatch_lag_ms Start of recent checks after their due time.
                        # TYPE sitekeeper_uptime_dispatch_lag_ms gauge
                        sitekeeper_uptime_dispatch_lag_ms{quantile="0.5"} 12
                        sitekeeper_uptime_dispatch_lag_ms{quantile="0.99"} 340
                        # HELP sitekeeper_uptime_running_checks Checks in flight on this node.
                        # TYPE sitekeeper_uptime_running_checks gauge
                        sitekeeper_uptime_running_checks 5
                        # HELP sitekeeper_uptime_degraded 1 while this node cannot check properly (its network looks down).
                        # TYPE sitekeeper_uptime_degraded gauge
                        sitekeeper_uptime_degraded 0
                        """);
    }

    @Test
    void baseUnitsUseSecondsATimestampAndASummary() {
        String text = text(THREE, ENGINE, UptimeFamilies.Units.BASE);

        assertThat(text)
                .contains("# TYPE sitekeeper_uptime_response_seconds gauge\n"
                        + "sitekeeper_uptime_response_seconds{monitor_id=\"1\",name=\"Shop \\\"A\\\"\\\\B\\nC\","
                        + "url=\"https://shop1.example/\"} 0.12\n"
                        + "sitekeeper_uptime_response_seconds{monitor_id=\"3\",name=\"paused\","
                        + "url=\"https://shop3.example/\"} 0.08\n")
                .contains("# TYPE sitekeeper_uptime_certificate_expiry_timestamp_seconds gauge\n"
                        + "sitekeeper_uptime_certificate_expiry_timestamp_seconds{monitor_id=\"1\","
                        + "name=\"Shop \\\"A\\\"\\\\B\\nC\",url=\"https://shop1.example/\"} "
                        + T.plusSeconds(30 * 86_400L).getEpochSecond() + "\n")
                .contains("# TYPE sitekeeper_uptime_dispatch_lag_seconds summary\n"
                        + "sitekeeper_uptime_dispatch_lag_seconds{quantile=\"0.5\"} 0.012\n"
                        + "sitekeeper_uptime_dispatch_lag_seconds{quantile=\"0.99\"} 0.34\n"
                        + "sitekeeper_uptime_dispatch_lag_seconds{quantile=\"1\"} 0.9\n")
                .contains("sitekeeper_uptime_monitor_up{monitor_id=\"2\",name=\"blog\",url=\"https://shop2.example/\","
                        + "site_id=\"7\"} 0\n")
                .contains("sitekeeper_uptime_checks_total 42\n", "sitekeeper_uptime_degraded 0\n")
                .doesNotContain("_ms", "days_left");
    }

    @Test
    void aDegradedEngineSaysSo() {
        CheckEngine.Stats offline =
                new CheckEngine.Stats(1, 1, 0, 0, 0, 0, 0, 0, 0, "the network looks down", "timeout");

        assertThat(text(List.of(), offline, UptimeFamilies.Units.BASE)).contains("sitekeeper_uptime_degraded 1\n");
    }

    @Test
    void everyMonitorOfEveryPageAppearsOnceInEachFamily() {
        List<MonitorDto> all = new ArrayList<>();
        for (long id = 1; id <= 1203; id++) {
            MonitorState state =
                    id % 10 == 0 ? MonitorState.DOWN : id % 17 == 0 ? MonitorState.PAUSED : MonitorState.UP;
            all.add(monitor(id, "m" + id, state, state == MonitorState.UP ? (int) id : null, id == 3 ? 9 : null));
        }

        for (UptimeFamilies.Units units : UptimeFamilies.Units.values()) {
            String text = text(all, ENGINE, units);

            long paused =
                    all.stream().filter(m -> m.state() == MonitorState.PAUSED).count();
            assertThat(text.lines().filter(l -> l.startsWith("sitekeeper_uptime_monitor_up{")))
                    .hasSize((int) (all.size() - paused))
                    .doesNotHaveDuplicates();
            assertThat(text).contains("{monitor_id=\"1203\",");
            assertThat(text.lines().filter(l -> l.startsWith("# TYPE ")).count())
                    .isEqualTo(8);
            // every family's samples directly follow its TYPE line
            String family = null;
            for (String line : text.lines().toList()) {
                if (line.startsWith("# TYPE ")) {
                    family = line.split(" ")[2];
                } else if (!line.startsWith("#")) {
                    assertThat(line).startsWith(family);
                }
            }
        }
    }

    @Test
    void allReadsEveryPageOnce() {
        List<MonitorDto> all = new ArrayList<>();
        for (long id = 1; id <= 2500; id++) {
            all.add(monitor(id, "m" + id, MonitorState.UP, 1, null));
        }
        List<PageRequest> asked = new ArrayList<>();

        List<UptimeFamilies.MonitorSample> samples = UptimeFamilies.all(p -> {
            asked.add(p);
            return page(all, p);
        });

        assertThat(samples).hasSize(2500);
        assertThat(samples.get(2499).id()).isEqualTo(2500);
        assertThat(asked).hasSize((2500 + PageRequest.MAX_LIMIT - 1) / PageRequest.MAX_LIMIT);
    }

    @Test
    void baseUnitsPassPromtool() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool is not installed");
        String text = text(THREE, ENGINE, UptimeFamilies.Units.BASE);

        Process process = new ProcessBuilder(promtool.toString(), "check", "metrics")
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue())
                .as("promtool said: %s%nabout:%n%s", report, text)
                .isZero();
    }
}
