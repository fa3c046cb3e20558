package org.sitekeeper.core.api.metrics;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsWriterTest {

    /** Keeps each sample as "name{labels} value". */
    private static final class Recording implements MetricsWriter {
        final List<String> lines = new ArrayList<>();

        @Override
        public MetricsWriter family(String name, String type, String help) {
            lines.add("# " + name + " " + type);
            return this;
        }

        @Override
        public MetricsWriter sample(String name, double value, String... labels) {
            lines.add(name + String.join(",", labels) + " " + value);
            return this;
        }
    }

    @Test
    void aSummaryIsItsQuantilesThenSumAndCountWithTheGivenLabelsFirst() {
        LatencyWindow window = new LatencyWindow(4);
        for (long ms : new long[] {1, 2, 3, 4}) {
            window.record(ms * 1_000_000L);
        }
        Recording out = new Recording();
        out.family("t_seconds", "summary", "t").summary("t_seconds", window, new double[] {0.5, 0.99}, "method", "GET");

        assertThat(out.lines)
                .containsExactly(
                        "# t_seconds summary",
                        "t_secondsmethod,GET,quantile,0.5 0.002",
                        "t_secondsmethod,GET,quantile,0.99 0.004",
                        "t_seconds_summethod,GET 0.01",
                        "t_seconds_countmethod,GET 4.0");
    }

    @Test
    void anUnlabelledSummaryHasOnlyTheQuantileLabel() {
        LatencyWindow window = new LatencyWindow(2);
        window.record(5_000_000L);
        Recording out = new Recording();
        out.summary("h", window, new double[] {0.9});

        assertThat(out.lines).containsExactly("hquantile,0.9 0.005", "h_sum 0.005", "h_count 1.0");
    }
}
