package org.sitekeeper.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void escapesEverythingThatCanBreakOutOfTextOrAttributes() {
        assertThat(Html.esc("<script>alert('x')</script> & \"q\" `b`"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; &#96;b&#96;");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.esc(42)).isEqualTo("42");
    }

    @Test
    void linksEncodeParametersAndSkipEmptyOnes() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("q", "a b&c");
        parameters.put("status", "");
        parameters.put("cursor", null);
        parameters.put("id", 5);
        assertThat(Html.link("sites", parameters)).isEqualTo("sites?q=a+b%26c&id=5");
        assertThat(Html.link("sites", Map.of())).isEqualTo("sites");
    }

    @Test
    void badgesEscapeTheirText() {
        assertThat(Html.badge("<b>", "ok")).isEqualTo("<span class=\"sk-badge sk-ok\">&lt;b&gt;</span>");
    }
}
