package org.sitekeeper.uptime.internal.domain;

import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatusSetTest {

    private static StatusSet parsed(String text) {
        StatusSet.Result r = StatusSet.parse(text);
        assertThat(r.problem()).as(text).isNull();
        assertThat(r.set()).as(text).isPresent();
        return r.set().get();
    }

    @Test
    void aRangeAcceptsItsBoundsAndNothingOutside() {
        StatusSet set = parsed("200-299");

        assertThat(set.accepts(200)).isTrue();
        assertThat(set.accepts(250)).isTrue();
        assertThat(set.accepts(299)).isTrue();
        assertThat(set.accepts(199)).isFalse();
        assertThat(set.accepts(300)).isFalse();
        assertThat(set.toString()).isEqualTo("200-299");
    }

    @Test
    void aListOfCodesAcceptsExactlyThose() {
        StatusSet set = parsed("200,301,302");

        for (int status = 100; status <= 599; status++) {
            assertThat(set.accepts(status))
                    .as("status " + status)
                    .isEqualTo(status == 200 || status == 301 || status == 302);
        }
    }

    @Test
    void rangesAndCodesMix() {
        StatusSet set = parsed("200-299,401");

        assertThat(set.accepts(204)).isTrue();
        assertThat(set.accepts(401)).isTrue();
        assertThat(set.accepts(400)).isFalse();
        assertThat(set.accepts(403)).isFalse();
    }

    @Test
    void spacesAreToleratedAndTheTextIsNormalised() {
        assertThat(parsed(" 200 - 299 , 401 ").toString()).isEqualTo("200-299,401");
        assertThat(parsed("404-404").toString()).isEqualTo("404");
        assertThat(parsed("100-599").accepts(100)).isTrue();
        assertThat(parsed("100-599").accepts(599)).isTrue();
    }

    @Test
    void theDefaultIsTwoHundredToThreeNinetyNine() {
        StatusSet set = parsed(StatusSet.DEFAULT);

        assertThat(set.toString()).isEqualTo("200-399");
        assertThat(set.accepts(200)).isTrue();
        assertThat(set.accepts(399)).isTrue();
        assertThat(set.accepts(400)).isFalse();
        assertThat(set.accepts(199)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "abc",
                "200-",
                "-299",
                "99",
                "600",
                "100-600",
                "300-200",
                "200,,201",
                ",200",
                "2xx",
                "200;201",
                "200-299-399",
                "1e2"
            })
    void malformedListsAreRefusedWithAProblem(String text) {
        StatusSet.Result r = StatusSet.parse(text);

        assertThat(r.set()).isEmpty();
        assertThat(r.problem()).isNotBlank();
    }

    @Test
    void aTrailingCommaIsDroppedWhileALeadingOneIsRefused() {
        // String.split drops trailing empty strings, so "200," reads as "200" (",200" and "200,,201" are refused)
        assertThat(parsed("200,").toString()).isEqualTo("200");
        assertThat(StatusSet.parse(",200").problem()).isEqualTo("has an empty entry");
    }

    @Test
    void nullIsRefused() {
        assertThat(StatusSet.parse(null).set()).isEmpty();
        assertThat(StatusSet.parse(null).problem()).contains("must list status codes");
    }

    @Test
    void atMostTwentyEntries() {
        StringJoiner twenty = new StringJoiner(",");
        for (int i = 0; i < 20; i++) {
            twenty.add(Integer.toString(200 + i));
        }
        assertThat(StatusSet.parse(twenty.toString()).set()).isPresent();
        assertThat(StatusSet.parse(twenty + ",500").problem()).isEqualTo("lists more than 20 entries");
    }

    @Test
    void ofAStoredValueFallsBackToTheDefaultWhenUnreadable() {
        assertThat(StatusSet.of("204").toString()).isEqualTo("204");
        assertThat(StatusSet.of("garbage").toString()).isEqualTo("200-399");
        assertThat(StatusSet.of(null).toString()).isEqualTo("200-399");
    }
}
