package org.sitekeeper.notifications.internal.domain;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateSetTest {

    private static TemplateSet set(String subject) {
        return new TemplateSet(
                "custom",
                Template.parse(subject, false),
                Template.parse("{{title}}", false),
                Template.parse("<b>{{title}}</b>", true));
    }

    @Test
    void rendersTheThreeParts() {
        TemplateSet.Rendered rendered = set("Alert: {{title}}").render(Map.of("title", "A & B"));

        assertThat(rendered.subject()).isEqualTo("Alert: A & B");
        assertThat(rendered.text()).isEqualTo("A & B");
        assertThat(rendered.html()).isEqualTo("<b>A &amp; B</b>");
    }

    @Test
    void theSubjectIsOneStrippedLine() {
        TemplateSet set = set("\n  {{title}}  \r\n  second line\n{{#more}}\n third {{/more}}\n");

        assertThat(set.render(Map.of("title", "first", "more", true)).subject()).isEqualTo("first second line third");
        assertThat(set.render(Map.of("title", "a\nb")).subject()).isEqualTo("a b second line");
    }

    @Test
    void theSubjectIsCutAtThreeHundredCharacters() {
        TemplateSet set = set("{{title}}");

        assertThat(set.render(Map.of("title", "x".repeat(300))).subject()).isEqualTo("x".repeat(300));
        assertThat(set.render(Map.of("title", "x".repeat(1000))).subject())
                .hasSize(300)
                .isEqualTo("x".repeat(299) + "…");
    }

    @Test
    void theBodiesAreNotCut() {
        assertThat(set("s").render(Map.of("title", "x".repeat(5000))).text()).hasSize(5000);
    }
}
