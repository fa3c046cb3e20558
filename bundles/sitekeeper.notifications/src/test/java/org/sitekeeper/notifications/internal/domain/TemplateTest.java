package org.sitekeeper.notifications.internal.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TemplateTest {

    private static String text(String source, Map<String, ?> model) {
        return Template.parse(source, false).render(model);
    }

    private static String html(String source, Map<String, ?> model) {
        return Template.parse(source, true).render(model);
    }

    @Test
    void insertsValuesOfEveryType() {
        assertThat(text(
                        "{{site}} has {{count}} alerts, resolved: {{done}}",
                        Map.of("site", "Shop", "count", 3, "done", false)))
                .isEqualTo("Shop has 3 alerts, resolved: false");
    }

    @Test
    void blanksInsideTagsAreIgnored() {
        assertThat(text("[{{ title }}]", Map.of("title", "x"))).isEqualTo("[x]");
    }

    @Test
    void textWithoutTagsIsKeptAsItIs() {
        assertThat(text("no tags } { here\n", Map.of())).isEqualTo("no tags } { here\n");
        assertThat(text("", Map.of())).isEmpty();
    }

    @Test
    void unknownNamesAndNullValuesAreEmpty() {
        Map<String, Object> model = new HashMap<>();
        model.put("link", null);

        assertThat(text("[{{nothing}}][{{link}}][{{{raw}}}]", model)).isEqualTo("[][][]");
    }

    @Test
    void namesMayContainDots() {
        assertThat(text("Expected Orders: {{orders.expected}} or more", Map.of("orders.expected", "10")))
                .isEqualTo("Expected Orders: 10 or more");
    }

    @Test
    void htmlTemplatesEscapeValues() {
        assertThat(html("<p>{{title}}</p>", Map.of("title", "<script>alert('x')</script> & \"more\"")))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</p>");
    }

    @Test
    void textTemplatesDoNotEscape() {
        assertThat(text("{{title}}", Map.of("title", "<b>A & B</b>"))).isEqualTo("<b>A & B</b>");
    }

    @Test
    void tripleBracesInsertValuesRawEvenInHtml() {
        assertThat(html("{{{snippet}}}|{{snippet}}", Map.of("snippet", "<b>x</b>")))
                .isEqualTo("<b>x</b>|&lt;b&gt;x&lt;/b&gt;");
    }

    @Test
    void aSectionIsRenderedWhenItsBooleanIsTrue() {
        Template template = Template.parse("{{#recovery}}Resolved: {{/recovery}}{{title}}", false);

        assertThat(template.render(Map.of("recovery", true, "title", "up"))).isEqualTo("Resolved: up");
        assertThat(template.render(Map.of("recovery", false, "title", "down"))).isEqualTo("down");
        assertThat(template.render(Map.of("title", "down"))).isEqualTo("down");
    }

    @Test
    void aSectionIsRenderedWhenItsTextIsPresent() {
        Template template = Template.parse("{{#site_name}}Site: {{site_name}}{{/site_name}}", false);

        assertThat(template.render(Map.of("site_name", "Shop"))).isEqualTo("Site: Shop");
        assertThat(template.render(Map.of("site_name", ""))).isEmpty();
        assertThat(template.render(Map.of("site_name", "false"))).isEmpty();
    }

    @Test
    void zeroCountsAsAbsent() {
        Template template = Template.parse("{{#more}} and {{more}} more{{/more}}", false);

        assertThat(template.render(Map.of("more", 2))).isEqualTo(" and 2 more");
        assertThat(template.render(Map.of("more", 0))).isEmpty();
        assertThat(template.render(Map.of("more", 0L))).isEmpty();
    }

    @Test
    void aSectionOverAListRendersOncePerItemAndItemsSeeOuterValues() {
        Map<String, Object> model = Map.of(
                "hub", "https://hub.example",
                "title", "outer",
                "alerts", List.of(Map.of("title", "A"), Map.of("title", "B"), Map.of("title", "C", "hub", "own")));

        assertThat(text("{{#alerts}}- {{title}} @ {{hub}}\n{{/alerts}}", model))
                .isEqualTo("- A @ https://hub.example\n- B @ https://hub.example\n- C @ own\n");
    }

    @Test
    void anEmptyListRendersNothingButAnInvertedSection() {
        Template template = Template.parse("{{#alerts}}x{{/alerts}}{{^alerts}}none{{/alerts}}", false);

        assertThat(template.render(Map.of("alerts", List.of()))).isEqualTo("none");
        assertThat(template.render(Map.of("alerts", List.of(Map.of())))).isEqualTo("x");
    }

    @Test
    void aListIsNotInsertedAsAValue() {
        assertThat(text("[{{alerts}}]", Map.of("alerts", List.of(Map.of("a", 1)))))
                .isEqualTo("[]");
    }

    @Test
    void anInvertedSectionIsRenderedWhenTheValueIsAbsentOrFalse() {
        Template template = Template.parse("{{^recovery}}firing{{/recovery}}", false);

        assertThat(template.render(Map.of())).isEqualTo("firing");
        assertThat(template.render(Map.of("recovery", false))).isEqualTo("firing");
        assertThat(template.render(Map.of("recovery", true))).isEmpty();
    }

    @Test
    void sectionsNest() {
        Template template = Template.parse("{{#a}}A{{#b}}B{{/b}}{{^b}}-{{/b}}{{/a}}", false);

        assertThat(template.render(Map.of("a", true, "b", true))).isEqualTo("AB");
        assertThat(template.render(Map.of("a", true))).isEqualTo("A-");
        assertThat(template.render(Map.of("b", true))).isEmpty();
    }

    @Test
    void commentsAreIgnored() {
        assertThat(text("a{{! a note for the template's author }}b", Map.of())).isEqualTo("ab");
        assertThat(text("{{!title}}", Map.of("title", "x"))).isEmpty();
    }

    @Test
    void anUnclosedSectionIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Template.parse("{{#recovery}}Resolved", false))
                .withMessage("{{#recovery}} is not closed");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Template.parse("{{#a}}{{^b}}{{/b}}", true))
                .withMessage("{{#a}} is not closed");
    }

    @Test
    void aMismatchedOrStrayClosingTagIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Template.parse("{{#a}}{{#b}}{{/a}}{{/b}}", false))
                .withMessage("unexpected {{/a}}");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Template.parse("text{{/a}}", false))
                .withMessage("unexpected {{/a}}");
    }

    @Test
    void anUnclosedTagIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Template.parse("Hello {{name", false))
                .withMessage("unclosed tag at 6");
        assertThatIllegalArgumentException().isThrownBy(() -> Template.parse("{{{raw}}", true));
    }

    @Test
    void escapeReplacesTheFiveHtmlCharacters() {
        assertThat(Template.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Template.escape("plain ✅")).isEqualTo("plain ✅");
    }
}
