package org.sitekeeper.console;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SvgTest {

    @Test
    void barsAreScaledToTheLargestValueAndLabelled() {
        String svg = Svg.bars(List.of(new Svg.Bar("active", 10, "ok"), new Svg.Bar("error", 5, "bad")), 370);
        // 370 wide: 110 for labels, 60 for values, 200 for the plot
        assertThat(svg).contains("width=\"200\"").contains("width=\"100\"");
        assertThat(svg).contains(">active<").contains(">10<").contains("sk-fill-bad");
        assertThat(svg).startsWith("<svg").endsWith("</svg>");
    }

    @Test
    void zeroValuesDrawNoBarAndLabelsAreEscaped() {
        String svg = Svg.bars(List.of(new Svg.Bar("<x>", 0, "muted")), 300);
        assertThat(svg).contains("width=\"0\"").contains("&lt;x&gt;").doesNotContain("<x>");
    }

    @Test
    void sparklinesSpanTheBox() {
        String svg = Svg.sparkline(new double[] {1, 3, 2}, 101, 21);
        // inset by one pixel so the stroke stays inside the box
        assertThat(svg).contains("points=\"1,20 50.5,1 100,10.5\"");
        assertThat(Svg.sparkline(new double[0], 10, 10)).doesNotContain("polyline");
    }
}
