package org.sitekeeper.telemetry.internal.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionTest {

    /** Semantic Versioning 2.0.0 §11's own example, in order. */
    private static final List<String> SEMVER_EXAMPLE = List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0");

    @Test
    void theSpecificationsExampleIsInOrderWhicheverWayItIsShuffled() {
        List<Version> expected = SEMVER_EXAMPLE.stream().map(Version::of).toList();
        Random random = new Random(110);
        for (int i = 0; i < 50; i++) {
            List<Version> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, random);
            Collections.sort(shuffled);
            assertThat(shuffled).extracting(Version::toString).containsExactlyElementsOf(SEMVER_EXAMPLE);
        }
    }

    @Test
    void numbersCompareAsNumbersNotText() {
        assertThat(Version.of("1.10.0")).isGreaterThan(Version.of("1.9.9"));
        assertThat(Version.of("1.3.5")).isGreaterThan(Version.of("1.2.0"));
        assertThat(Version.of("2.0.0")).isGreaterThan(Version.of("1.99.99"));
        assertThat(Version.of("10.0.0")).isGreaterThan(Version.of("9.0.0"));
    }

    @Test
    void shortAndPrefixedFormsMeanTheFullVersion() {
        assertThat(Version.of("6.4")).isEqualTo(Version.of("6.4.0")).hasSameHashCodeAs(Version.of("6.4.0"));
        assertThat(Version.of("v1.3.5")).isEqualTo(Version.of("1.3.5"));
        assertThat(Version.of("2")).isEqualTo(Version.of("2.0.0"));
        assertThat(Version.of(" 1.2.3 ").toString()).isEqualTo("1.2.3");
    }

    @Test
    void aFourthNumberCountsAndZeroIsTheSameAsNone() {
        assertThat(Version.of("2.1.0.3")).isGreaterThan(Version.of("2.1.0"));
        assertThat(Version.of("2.1.0.3")).isLessThan(Version.of("2.1.1"));
        assertThat(Version.of("2.1.0.0")).isEqualTo(Version.of("2.1.0")).hasSameHashCodeAs(Version.of("2.1.0"));
    }

    @Test
    void buildMetadataDoesNotCount() {
        assertThat(Version.of("1.0.0+build.5")).isEqualTo(Version.of("1.0.0+build.7"));
        assertThat(Version.of("1.0.0-rc.1+exp.sha.5114f85")).isLessThan(Version.of("1.0.0"));
    }

    @Test
    void partsAreReadable() {
        Version v = Version.of("3.14.159-beta");
        assertThat(v.major()).isEqualTo(3);
        assertThat(v.minor()).isEqualTo(14);
        assertThat(v.patch()).isEqualTo(159);
        assertThat(v.isPreRelease()).isTrue();
        assertThat(Version.of("3.14.159").isPreRelease()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "latest",
                "1.",
                ".1",
                "1..2",
                "1.2.3.4.5",
                "1.2.x",
                "1.2.3-",
                "1.2.3-beta..1",
                "1.2.3-01",
                "1.2.3+",
                "1.2.3-be ta",
                "-1.2.3",
                "1.2.3_4",
                "1234567890123456789.0.0"
            })
    void whatIsNotAVersionIsRefused(String text) {
        assertThat(Version.parse(text)).isEmpty();
        assertThatThrownBy(() -> Version.of(text)).hasMessageContaining("not a version");
    }

    @Test
    void nullAndOverlongTextAreNotVersions() {
        assertThat(Version.parse(null)).isEmpty();
        assertThat(Version.parse("1.2.3-" + "a".repeat(Version.MAX_LENGTH))).isEmpty();
    }

    @Test
    void orderIsTotalAndConsistentWithEquals() {
        List<String> texts = List.of(
                "0.9",
                "1.0.0-alpha",
                "1.0.0-1",
                "1.0.0-alpha.1",
                "1.0.0",
                "1.0.0.1",
                "1.0.1",
                "1.1",
                "2.0.0-rc.1",
                "2");
        for (String a : texts) {
            for (String b : texts) {
                Version va = Version.of(a);
                Version vb = Version.of(b);
                assertThat(Integer.signum(va.compareTo(vb)))
                        .as("%s vs %s", a, b)
                        .isEqualTo(-Integer.signum(vb.compareTo(va)));
                assertThat(va.equals(vb)).as("%s equals %s", a, b).isEqualTo(va.compareTo(vb) == 0);
            }
        }
        // numeric pre-release identifiers sort before words
        assertThat(Version.of("1.0.0-1")).isLessThan(Version.of("1.0.0-alpha"));
    }
}
