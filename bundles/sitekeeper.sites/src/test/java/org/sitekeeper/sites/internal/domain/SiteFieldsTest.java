package org.sitekeeper.sites.internal.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.sites.api.SiteStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteFieldsTest {

    @Test
    void tagsAreLowerCasedDeduplicatedAndSorted() {
        assertThat(SiteFields.tags(List.of("WooCommerce", "eu", " EU ", "b2b")))
                .containsExactly("b2b", "eu", "woocommerce");
        assertThat(SiteFields.tags(null)).isEmpty();
    }

    @Test
    void aBadTagIsNamedByItsPosition() {
        assertThatThrownBy(() -> SiteFields.tags(List.of("ok", "not ok")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags[1]"));
        assertThatThrownBy(() -> SiteFields.tags(Arrays.asList("ok", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags[1]"));
        assertThatThrownBy(() -> SiteFields.tags(List.of("-leading-dash"))).hasMessageContaining("lower-case letters");
    }

    @Test
    void aSiteHasAtMostTwentyTags() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tags.add("t" + i);
        }
        assertThatThrownBy(() -> SiteFields.tags(tags))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("tags"));
        assertThat(SiteFields.tags(tags.subList(0, 20))).hasSize(20);
    }

    @Test
    void storedTagsMatchOneTagWithLike() {
        String stored = SiteFields.storedTags(List.of("eu", "woocommerce"));
        assertThat(stored).isEqualTo(",eu,woocommerce,");
        assertThat(SiteFields.parseStoredTags(stored)).containsExactly("eu", "woocommerce");
        assertThat(SiteFields.storedTags(List.of())).isNull();
        assertThat(SiteFields.parseStoredTags(null)).isEmpty();
    }

    @Test
    void theNameDefaultsToTheHost() {
        assertThat(SiteFields.name(null, "https://shop.example.com/blog")).isEqualTo("shop.example.com");
        assertThat(SiteFields.name("  My shop ", "https://shop.example.com")).isEqualTo("My shop");
    }

    @Test
    void statusesAreParsedIgnoringCase() {
        assertThat(SiteFields.status("status", "Active")).isEqualTo(SiteStatus.ACTIVE);
        assertThatThrownBy(() -> SiteFields.status("status", "weird"))
                .hasMessage("status must be one of pending, active, disconnected, error");
    }

    @Test
    void textFieldsRefuseLineBreaksExceptNotes() {
        assertThatThrownBy(() -> SiteFields.group("a\nb")).isInstanceOf(InvalidInputException.class);
        assertThat(SiteFields.notes("line one\nline two")).isEqualTo("line one\nline two");
        assertThatThrownBy(() -> SiteFields.notes("x".repeat(SiteFields.MAX_NOTES + 1)))
                .hasMessage("notes must be at most 4000 characters");
    }
}
