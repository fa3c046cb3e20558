package org.sitekeeper.core.api.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sitekeeper.core.api.error.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorsTest {

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, Long.MAX_VALUE})
    void decodesWhatItEncoded(long id) {
        assertThat(Cursors.decode("cursor", Cursors.encode(id))).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, Long.MAX_VALUE})
    void encodedCursorsAreUrlSafe(long id) {
        assertThat(Cursors.encode(id)).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 123456})
    void toleratesSurroundingWhitespace(long id) {
        assertThat(Cursors.decode("cursor", " " + Cursors.encode(id) + "\n")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "!!!", "not a cursor", "42", "%%%%"})
    void refusesGarbageNamingTheField(String cursor) {
        assertThatThrownBy(() -> Cursors.decode("next", cursor))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("next");
                    assertThat(e.status()).isEqualTo(400);
                })
                .hasMessage("next is not a cursor returned by this API");
    }

    @ParameterizedTest
    @ValueSource(strings = {"before:5", "after:", "after:x", "after:-1", "after:99999999999999999999"})
    void refusesWellEncodedTextThatIsNotAPosition(String text) {
        String cursor =
                Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Cursors.decode("cursor", cursor))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
}
