package org.sitekeeper.core.internal.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.security.CreatedUser;
import org.sitekeeper.core.api.security.NewUser;
import org.sitekeeper.core.api.security.UserChange;
import org.sitekeeper.core.api.security.UserDto;
import org.sitekeeper.core.api.security.UserService;

import static org.assertj.core.api.Assertions.assertThat;

class FirstAdminProvisionerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    /** Keeps accounts in a list; refuses short passwords and taken names like the real store. */
    private static final class Users implements UserService {
        final List<UserDto> accounts = new ArrayList<>();
        final List<String> passwords = new ArrayList<>();
        boolean someoneElseWins;

        @Override
        public List<UserDto> list() {
            return List.copyOf(accounts);
        }

        @Override
        public Optional<UserDto> find(String username) {
            return accounts.stream().filter(u -> u.username().equals(username)).findFirst();
        }

        @Override
        public CreatedUser create(NewUser user, Actor actor) {
            if (someoneElseWins) {
                throw new ConflictException("username", "a user named admin already exists");
            }
            if (user.password() != null && user.password().length() < 12) {
                throw new InvalidInputException("password", "password must have at least 12 characters");
            }
            String password = user.password() == null ? "Generated-Password-1" : user.password();
            passwords.add(password);
            UserDto created = new UserDto(user.username(), Role.ADMIN, false, NOW, NOW, null);
            accounts.add(created);
            return new CreatedUser(created, user.password() == null ? password : null);
        }

        @Override
        public UserDto change(String username, UserChange change, Actor actor) {
            throw new IllegalStateException("not used");
        }

        @Override
        public void delete(String username, Actor actor) {
            throw new IllegalStateException("not used");
        }

        @Override
        public void changeOwnPassword(String username, String current, String next, Actor actor) {
            throw new IllegalStateException("not used");
        }
    }

    private final Users users = new Users();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAPasswordInTheEnvironmentAGeneratedOneIsPrintedOnce() {
        assertThat(FirstAdminProvisioner.provision(users, null, console)).isTrue();

        assertThat(users.accounts).extracting(UserDto::username).containsExactly("admin");
        assertThat(printed()).contains("created user 'admin' with password Generated-Password-1");
        assertThat(printed()).contains("shown only this once");
    }

    @Test
    void thePasswordFromTheEnvironmentIsUsedAndNotPrinted() {
        assertThat(FirstAdminProvisioner.provision(users, "my-long-admin-password", console))
                .isTrue();

        assertThat(users.passwords).containsExactly("my-long-admin-password");
        assertThat(printed()).doesNotContain("my-long-admin-password");
    }

    @Test
    void anEmptyEnvironmentVariableCountsAsUnset() {
        FirstAdminProvisioner.provision(users, "", console);

        assertThat(printed()).contains("Generated-Password-1");
    }

    @Test
    void nothingHappensOnceAnyAccountExists() {
        users.accounts.add(new UserDto("ada", Role.ADMIN, false, NOW, NOW, null));

        assertThat(FirstAdminProvisioner.provision(users, "my-long-admin-password", console))
                .isFalse();

        assertThat(users.accounts).hasSize(1);
        assertThat(printed()).isEmpty();
    }

    @Test
    void aTooShortPasswordCreatesNoAdminAndSaysWhy() {
        assertThat(FirstAdminProvisioner.provision(users, "short", console)).isFalse();

        assertThat(users.accounts).isEmpty();
        assertThat(printed()).contains("SITEKEEPER_ADMIN_PASSWORD was refused").contains("at least 12");
        assertThat(printed()).doesNotContain("short ");
    }

    @Test
    void anotherNodeCreatingTheAdminFirstIsFine() {
        users.someoneElseWins = true;

        assertThat(FirstAdminProvisioner.provision(users, null, console)).isFalse();
        assertThat(printed()).isEmpty();
    }
}
