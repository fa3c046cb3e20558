package org.sitekeeper.telemetry.internal.service;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesTest {

    @Test
    void equalValuesGiveEqualFingerprints() {
        assertThat(Profiles.fingerprint("1.3.5", "8.1", null)).isEqualTo(Profiles.fingerprint("1.3.5", "8.1", null));
    }

    @Test
    void shiftedCharactersNullsAndEmptyTextsAreTold() {
        Set<Long> seen = new HashSet<>();
        String[][] profiles = {
            {"ab", "c"},
            {"a", "bc"},
            {"abc", null},
            {"abc", ""},
            {null, "abc"},
            {"", "abc"},
            {"abc"},
            {null, null},
            {"", ""},
            {"\u0100", "x"},
            {"\u0001\u0001", "x"},
            {"1.3.5", "8.1"},
            {"1.3.5", "8.2"}
        };
        for (String[] p : profiles) {
            assertThat(seen.add(Profiles.fingerprint(p)))
                    .as(String.join("|", String.valueOf(p.length)))
                    .isTrue();
        }
    }
}
