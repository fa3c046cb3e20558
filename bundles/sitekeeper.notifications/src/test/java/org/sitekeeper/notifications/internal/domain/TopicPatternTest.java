package org.sitekeeper.notifications.internal.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sitekeeper.core.api.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicPatternTest {

    @Test
    void aPatternWithoutStarsMatchesOnlyItsOwnTopic() {
        TopicPattern pattern = TopicPattern.parse("topics[0]", "sitekeeper/uptime/DOWN");

        assertThat(pattern.matches("sitekeeper/uptime/DOWN")).isTrue();
        assertThat(pattern.matches("sitekeeper/uptime/UP")).isFalse();
        assertThat(pattern.matches("sitekeeper/uptime/DOWNTIME")).isFalse();
    }

    @Test
    void oneStarMatchesWithinOneLevel() {
        TopicPattern everyUptimeEvent = TopicPattern.parse("topics[0]", "sitekeeper/uptime/*");
        TopicPattern everyDown = TopicPattern.parse("topics[0]", "sitekeeper/*/DOWN");

        assertThat(everyUptimeEvent.matches("sitekeeper/uptime/DOWN")).isTrue();
        assertThat(everyUptimeEvent.matches("sitekeeper/uptime/")).isTrue();
        assertThat(everyUptimeEvent.matches("sitekeeper/uptime/DOWN/extra")).isFalse();
        assertThat(everyUptimeEvent.matches("sitekeeper/ssl/DOWN")).isFalse();
        assertThat(everyDown.matches("sitekeeper/ssl/DOWN")).isTrue();
        assertThat(everyDown.matches("sitekeeper/a/b/DOWN")).isFalse();
    }

    @Test
    void aStarMayStandForPartOfALevel() {
        TopicPattern pattern = TopicPattern.parse("topics[0]", "sitekeeper/uptime/D*");

        assertThat(pattern.matches("sitekeeper/uptime/DOWN")).isTrue();
        assertThat(pattern.matches("sitekeeper/uptime/UP")).isFalse();
    }

    @Test
    void twoStarsMatchAcrossLevels() {
        assertThat(TopicPattern.parse("topics[0]", "**").matches("sitekeeper/uptime/DOWN"))
                .isTrue();
        assertThat(TopicPattern.parse("topics[0]", "sitekeeper/**").matches("sitekeeper/a/b/c"))
                .isTrue();
        assertThat(TopicPattern.parse("topics[0]", "sitekeeper/**/DOWN").matches("sitekeeper/a/b/DOWN"))
                .isTrue();
        assertThat(TopicPattern.parse("topics[0]", "sitekeeper/**").matches("other/uptime/DOWN"))
                .isFalse();
    }

    @Test
    void dotsAndDashesAreLiteral() {
        TopicPattern pattern = TopicPattern.parse("topics[0]", "sitekeeper/whmcs-stock/LOW.STOCK");

        assertThat(pattern.matches("sitekeeper/whmcs-stock/LOW.STOCK")).isTrue();
        assertThat(pattern.matches("sitekeeper/whmcs-stock/LOWxSTOCK")).isFalse();
        assertThat(TopicPattern.parse("topics[0]", "a.c").matches("abc")).isFalse();
    }

    @Test
    void matchingIsAnchoredAtBothEnds() {
        TopicPattern pattern = TopicPattern.parse("topics[0]", "uptime/DOWN");

        assertThat(pattern.matches("sitekeeper/uptime/DOWN")).isFalse();
        assertThat(pattern.matches("uptime/DOWN/again")).isFalse();
        assertThat(pattern.matches("uptime/DOWN")).isTrue();
    }

    @Test
    void surroundingBlanksAreIgnored() {
        TopicPattern pattern = TopicPattern.parse("topics[0]", "  sitekeeper/uptime/*  ");

        assertThat(pattern.text()).isEqualTo("sitekeeper/uptime/*");
        assertThat(pattern).hasToString("sitekeeper/uptime/*");
        assertThat(pattern.matches("sitekeeper/uptime/UP")).isTrue();
    }

    @Test
    void patternsWithTheSameTextAreEqual() {
        assertThat(TopicPattern.parse("a", "sitekeeper/*/DOWN"))
                .isEqualTo(TopicPattern.parse("b", " sitekeeper/*/DOWN "))
                .hasSameHashCodeAs(TopicPattern.parse("c", "sitekeeper/*/DOWN"))
                .isNotEqualTo(TopicPattern.parse("d", "sitekeeper/*/UP"));
    }

    @Test
    void aPatternMayMatchTheSiblingsOfATopic() {
        assertThat(TopicPattern.parse("t", "sitekeeper/uptime/DOWN").mayMatchSiblingOf("sitekeeper/uptime/UP"))
                .isTrue();
        assertThat(TopicPattern.parse("t", "sitekeeper/*/DOWN").mayMatchSiblingOf("sitekeeper/ssl/RESOLVED"))
                .isTrue();
        assertThat(TopicPattern.parse("t", "sitekeeper/**/DOWN").mayMatchSiblingOf("sitekeeper/a/b/UP"))
                .isTrue();
        assertThat(TopicPattern.parse("t", "sitekeeper/uptime/*").mayMatchSiblingOf("sitekeeper/uptime/UP"))
                .isTrue();
        assertThat(TopicPattern.parse("t", "**").mayMatchSiblingOf("UP")).isTrue();
    }

    @Test
    void aPatternForAnotherCapabilityOrLevelIsNoSibling() {
        assertThat(TopicPattern.parse("t", "sitekeeper/ssl/DOWN").mayMatchSiblingOf("sitekeeper/uptime/UP"))
                .isFalse();
        assertThat(TopicPattern.parse("t", "sitekeeper/uptime").mayMatchSiblingOf("sitekeeper/uptime/UP"))
                .isFalse();
        assertThat(TopicPattern.parse("t", "sitekeeper/up").mayMatchSiblingOf("sitekeeper/uptime/UP"))
                .isFalse();
        assertThat(TopicPattern.parse("t", "sitekeeper/uptime/DOWN").mayMatchSiblingOf("sitekeeper/uptimes/UP"))
                .isFalse();
        assertThat(TopicPattern.parse("t", "DOWN").mayMatchSiblingOf("UP")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "   ", "sitekeeper/uptime/DOWN?", "site keeper/*", "sitekeeper/(a|b)", "a+b", "ä/b", "x\ny"})
    void otherCharactersAreRefusedNamingTheField(String text) {
        assertThatThrownBy(() -> TopicPattern.parse("rule.topics[2]", text))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("rule.topics[2]");
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessageStartingWith("rule.topics[2] must be a topic pattern");
    }

    @Test
    void aMissingOrOverlongPatternIsRefused() {
        assertThatThrownBy(() -> TopicPattern.parse("topics", null))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("topics"));
        assertThatThrownBy(() -> TopicPattern.parse("topics", "a".repeat(201)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(TopicPattern.parse("topics", "a".repeat(200)).matches("a".repeat(200)))
                .isTrue();
    }
}
