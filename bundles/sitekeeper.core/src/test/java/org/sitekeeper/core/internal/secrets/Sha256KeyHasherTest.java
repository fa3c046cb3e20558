package org.sitekeeper.core.internal.secrets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256KeyHasherTest {

    private final Sha256KeyHasher hasher = new Sha256KeyHasher();

    @Test
    void hashIsSelfDescribingHex() {
        assertThat(hasher.hash("abc"))
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void matchesTheKeyItHashed() {
        String stored = hasher.hash("sk_live_123");

        assertThat(hasher.matches("sk_live_123", stored)).isTrue();
    }

    @Test
    void refusesAnotherKey() {
        String stored = hasher.hash("sk_live_123");

        assertThat(hasher.matches("sk_live_124", stored)).isFalse();
        assertThat(hasher.matches("", stored)).isFalse();
    }

    @Test
    void refusesARawDigestWithoutThePrefix() {
        String stored = hasher.hash("key").substring("sha256:".length());

        assertThat(hasher.matches("key", stored)).isFalse();
    }

    @Test
    void nullNeverMatches() {
        assertThat(hasher.matches(null, hasher.hash("key"))).isFalse();
        assertThat(hasher.matches("key", null)).isFalse();
        assertThat(hasher.matches(null, null)).isFalse();
    }
}
