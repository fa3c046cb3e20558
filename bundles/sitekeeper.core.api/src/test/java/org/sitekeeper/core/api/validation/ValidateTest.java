package org.sitekeeper.core.api.validation;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sitekeeper.core.api.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidateTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> refuses(
            ThrowingCallable call, String field, String code) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status()).isEqualTo(400);
        });
    }

    @Test
    void requiredTextIsStripped() {
        assertThat(Validate.requiredText("name", "  shop  ", 10)).isEqualTo("shop");
    }

    @Test
    void requiredTextRefusesMissingOrBlankAsMissingField() {
        refuses(() -> Validate.requiredText("name", null, 10), "name", InvalidInputException.MISSING_FIELD)
                .hasMessage("name is required");
        refuses(() -> Validate.requiredText("name", " \t ", 10), "name", InvalidInputException.MISSING_FIELD);
    }

    @Test
    void requiredTextCountsLengthAfterStripping() {
        assertThat(Validate.requiredText("name", "  abcde  ", 5)).isEqualTo("abcde");
        refuses(() -> Validate.requiredText("name", "abcdef", 5), "name", InvalidInputException.INVALID_VALUE)
                .hasMessage("name must be at most 5 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\u0000b", "a\u001bb", "a\u007fb"})
    void requiredTextRefusesControlCharactersAndLineBreaks(String value) {
        refuses(() -> Validate.requiredText("name", value, 100), "name", InvalidInputException.INVALID_VALUE)
                .hasMessage("name must not contain control characters or line breaks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0085b", "a\u2028b", "a\u2029b", "a\u009bb"})
    void requiredTextRefusesUnicodeLineBreaksAndC1Controls(String value) {
        refuses(() -> Validate.requiredText("name", value, 100), "name", InvalidInputException.INVALID_VALUE)
                .hasMessage("name must not contain control characters or line breaks");
    }

    @Test
    void requiredTextAllowsTabsAndNonAsciiLetters() {
        assertThat(Validate.requiredText("name", "Caf\u00e9\tM\u00fcller", 100)).isEqualTo("Caf\u00e9\tM\u00fcller");
    }

    @Test
    void optionalTextGivesNullForMissingOrBlank() {
        assertThat(Validate.optionalText("note", null, 10)).isNull();
        assertThat(Validate.optionalText("note", "   ", 10)).isNull();
    }

    @Test
    void optionalTextChecksLikeRequiredText() {
        assertThat(Validate.optionalText("note", " hi ", 10)).isEqualTo("hi");
        refuses(() -> Validate.optionalText("note", "x\ny", 10), "note", InvalidInputException.INVALID_VALUE);
        refuses(() -> Validate.optionalText("note", "x".repeat(11), 10), "note", InvalidInputException.INVALID_VALUE);
    }

    @Test
    void multilineTextKeepsLineBreaksButLimitsLength() {
        assertThat(Validate.optionalMultilineText("notes", " one\ntwo ", 10)).isEqualTo("one\ntwo");
        assertThat(Validate.optionalMultilineText("notes", "\n", 10)).isNull();
        refuses(() -> Validate.optionalMultilineText("notes", "x".repeat(11), 10), "notes", "invalid_value");
    }

    @Test
    void matchesReturnsTheValueWhenItMatches() {
        assertThat(Validate.matches("slug", "ab-1", Pattern.compile("[a-z0-9-]+"), "a slug"))
                .isEqualTo("ab-1");
    }

    @Test
    void matchesDescribesWhatWasExpected() {
        refuses(
                        () -> Validate.matches("slug", "Ab 1", Pattern.compile("[a-z0-9-]+"), "a slug"),
                        "slug",
                        "invalid_value")
                .hasMessage("slug must be a slug");
    }

    @Test
    void matchesRequiresTheWholeValueToMatch() {
        refuses(() -> Validate.matches("slug", "ab!", Pattern.compile("[a-z]+"), "letters"), "slug", "invalid_value");
    }

    @Test
    void matchesRefusesMissingValue() {
        refuses(() -> Validate.matches("slug", null, Pattern.compile(".*"), "x"), "slug", "missing_field");
    }

    @Test
    void oneOfReturnsTheAllowedSpelling() {
        assertThat(Validate.oneOf("role", " ADMIN ", List.of("viewer", "ops", "admin")))
                .isEqualTo("admin");
    }

    @Test
    void oneOfListsTheAllowedValues() {
        refuses(() -> Validate.oneOf("role", "root", List.of("viewer", "ops")), "role", "invalid_value")
                .hasMessage("role must be one of viewer, ops");
        refuses(() -> Validate.oneOf("role", null, List.of("viewer")), "role", "missing_field");
    }

    @Test
    void intInRangeGivesTheDefaultForMissingText() {
        assertThat(Validate.intInRange("limit", null, 50, 1, 500)).isEqualTo(50);
        assertThat(Validate.intInRange("limit", "  ", 50, 1, 500)).isEqualTo(50);
    }

    @Test
    void intInRangeParsesTrimmedTextWithInclusiveBounds() {
        assertThat(Validate.intInRange("limit", " 7 ", 50, 1, 500)).isEqualTo(7);
        assertThat(Validate.intInRange("limit", "1", 50, 1, 500)).isEqualTo(1);
        assertThat(Validate.intInRange("limit", "500", 50, 1, 500)).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "1e3", "99999999999"})
    void intInRangeRefusesTextThatIsNotAWholeNumber(String value) {
        refuses(() -> Validate.intInRange("limit", value, 50, 1, 500), "limit", "invalid_value")
                .hasMessage("limit must be a whole number");
    }

    @Test
    void intInRangeRefusesValuesOutsideTheBounds() {
        refuses(() -> Validate.intInRange("limit", "0", 50, 1, 500), "limit", "invalid_value")
                .hasMessage("limit must be between 1 and 500");
        refuses(() -> Validate.intInRange("limit", 501, 1, 500), "limit", "invalid_value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " yes ", "1"})
    void flagReadsTrue(String value) {
        assertThat(Validate.flag("enabled", value, false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "No", "0"})
    void flagReadsFalse(String value) {
        assertThat(Validate.flag("enabled", value, true)).isFalse();
    }

    @Test
    void flagGivesTheDefaultWhenMissing() {
        assertThat(Validate.flag("enabled", null, true)).isTrue();
        assertThat(Validate.flag("enabled", "", false)).isFalse();
    }

    @Test
    void flagRefusesOtherWords() {
        refuses(() -> Validate.flag("enabled", "maybe", false), "enabled", "invalid_value")
                .hasMessage("enabled must be true or false");
    }

    @Test
    void instantParsesIsoText() {
        assertThat(Validate.instant("since", " 2026-01-31T12:00:00Z "))
                .isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
        assertThat(Validate.instant("since", null)).isNull();
        assertThat(Validate.instant("since", "")).isNull();
    }

    @Test
    void instantRefusesADateWithoutTimeShowingAnExample() {
        refuses(() -> Validate.instant("since", "2026-01-31"), "since", "invalid_value")
                .hasMessageContaining("ISO-8601")
                .hasMessageContaining("2026-01-31T12:00:00Z");
    }

    @Test
    void bodyPassesAPresentBodyThrough() {
        Object body = new Object();
        assertThat(Validate.body(body)).isSameAs(body);
    }

    @Test
    void bodyRefusesAMissingBody() {
        refuses(() -> Validate.body(null), "body", InvalidInputException.MISSING_FIELD)
                .hasMessage("a JSON object body is required");
    }
}
