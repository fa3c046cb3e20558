package org.sitekeeper.core.internal.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.internal.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password rules, which need no database: the store and audit log are left out. */
class UserServiceImplTest {

    private UserServiceImpl users;

    @BeforeEach
    void createService() {
        MutableClock clock = MutableClock.at("2026-05-01T12:00:00Z");
        TestSecurityConfig config = new TestSecurityConfig();
        config.minPasswordLength = 12;
        users = new UserServiceImpl(null, null, clock, new LoginGuard(clock, config), config);
    }

    @Test
    void acceptsAPasswordOfTheMinimumLength() {
        assertThat(users.checkPassword("a".repeat(12))).isEqualTo("a".repeat(12));
        assertThat(users.minPasswordLength()).isEqualTo(12);
    }

    @Test
    void keepsSpacesInPasswords() {
        assertThat(users.checkPassword("  twelve chars ")).isEqualTo("  twelve chars ");
    }

    @Test
    void refusesAShortPasswordSayingTheMinimum() {
        assertThatThrownBy(() -> users.checkPassword("a".repeat(11)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"))
                .hasMessage("password must have at least 12 characters");
    }

    @Test
    void refusesAnOverlongPassword() {
        assertThat(users.checkPassword("a".repeat(256))).hasSize(256);
        assertThatThrownBy(() -> users.checkPassword("a".repeat(257)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"))
                .hasMessage("password must have at most 256 characters");
    }

    @Test
    void refusesAMissingPassword() {
        for (String missing : new String[] {null, ""}) {
            assertThatThrownBy(() -> users.checkPassword(missing))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("password");
                        assertThat(e.code()).isEqualTo(InvalidInputException.MISSING_FIELD);
                    });
        }
    }
}
