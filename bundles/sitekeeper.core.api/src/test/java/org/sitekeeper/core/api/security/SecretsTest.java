package org.sitekeeper.core.api.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void equalSecretsAreEqual() {
        assertThat(Secrets.constantTimeEquals("s3cret-\u00e9", "s3cret-\u00e9")).isTrue();
        assertThat(Secrets.constantTimeEquals("", "")).isTrue();
    }

    @Test
    void differentSecretsDiffer() {
        assertThat(Secrets.constantTimeEquals("secret", "secreT")).isFalse();
        assertThat(Secrets.constantTimeEquals("secret", "secret2")).isFalse();
        assertThat(Secrets.constantTimeEquals("secret", "")).isFalse();
    }

    @Test
    void nullEqualsOnlyNull() {
        assertThat(Secrets.constantTimeEquals(null, null)).isTrue();
        assertThat(Secrets.constantTimeEquals(null, "")).isFalse();
        assertThat(Secrets.constantTimeEquals("", null)).isFalse();
    }

    @Test
    void randomUrlSafeHasTheEntropyAskedFor() {
        String token = Secrets.randomUrlSafe(32);

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Secrets.randomUrlSafe(32)).isNotEqualTo(token);
    }

    @Test
    void randomPasswordAvoidsLookAlikeCharacters() {
        String password = Secrets.randomPassword(200);

        assertThat(password).hasSize(200).matches("[A-Za-z2-9]+").doesNotContain("0", "O", "1", "l", "I");
    }
}
