package org.sitekeeper.core.internal.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void verifiesTheRightPassword() {
        String stored = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", stored)).isTrue();
    }

    @Test
    void refusesAWrongPassword() {
        String stored = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery stapl", stored)).isFalse();
        assertThat(hasher.verify("Correct horse battery staple", stored)).isFalse();
        assertThat(hasher.verify("", stored)).isFalse();
    }

    @Test
    void storedFormNamesSchemeAndIterations() {
        String stored = hasher.hash("secret password");

        assertThat(stored).startsWith("pbkdf2-sha256$1000$").doesNotContain("secret");
        assertThat(stored.split("\\$")).hasSize(4);
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void verifiesWithTheIterationsStoredInTheHash() {
        String storedWithFewer = new PasswordHasher(500).hash("old password");

        assertThat(hasher.verify("old password", storedWithFewer)).isTrue();
    }

    @Test
    void handlesNonAsciiPasswords() {
        String stored = hasher.hash("p\u00e4ssw\u00f6rd \uD83D\uDD11");

        assertThat(hasher.verify("p\u00e4ssw\u00f6rd \uD83D\uDD11", stored)).isTrue();
        assertThat(hasher.verify("passwort", stored)).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "plain",
                "pbkdf2-sha256$1000$c2FsdA",
                "bcrypt$1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
                "pbkdf2-sha256$many$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
                "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
                "pbkdf2-sha256$-5$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
                "pbkdf2-sha256$1000$not base64!$aGFzaA",
                "pbkdf2-sha256$1000$$aGFzaA",
                "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$",
                "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA$extra"
            })
    void malformedStoredHashNeverVerifies(String stored) {
        assertThat(hasher.verify("password", stored)).isFalse();
    }

    @Test
    void verifyNothingTakesAnyPasswordWithoutFailing() {
        assertThatNoException().isThrownBy(() -> hasher.verifyNothing("whatever"));
        assertThatNoException().isThrownBy(() -> hasher.verifyNothing(""));
    }

    @Test
    void needsRehashWhenIterationsGrew() {
        String old = new PasswordHasher(500).hash("password");
        String current = hasher.hash("password");
        String stronger = new PasswordHasher(2000).hash("password");

        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(current)).isFalse();
        assertThat(hasher.needsRehash(stronger)).isFalse();
    }

    @Test
    void malformedStoredHashNeedsRehash() {
        assertThat(hasher.needsRehash("plain")).isTrue();
        assertThat(hasher.needsRehash("pbkdf2-sha256$many$a$b")).isTrue();
    }

    @Test
    void refusesNonPositiveIterations() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHasher(0));
    }
}
