package org.sitekeeper.core.internal.security;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sitekeeper.core.internal.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LoginGuardTest {

    private static final String CLIENT = "203.0.113.9";
    private static final String OTHER_CLIENT = "198.51.100.7";

    private final MutableClock clock = MutableClock.at("2026-05-01T12:00:00Z");
    private LoginGuard guard;

    @BeforeEach
    void createGuard() {
        TestSecurityConfig config = new TestSecurityConfig();
        config.freeFailuresPerAccount = 2;
        config.freeFailuresPerClient = 4;
        config.maxLockoutSeconds = 60;
        guard = new LoginGuard(clock, config);
    }

    private void fail(String username, String client, int times) {
        for (int i = 0; i < times; i++) {
            guard.failed(username, client);
        }
    }

    @Test
    void blocksAnAccountFromOneClientOnceItsFreeFailuresAreUsedUp() {
        fail("alice", CLIENT, 1);
        assertThat(guard.blockedFor("alice", CLIENT)).isEmpty();

        fail("alice", CLIENT, 1);

        assertThat(guard.blockedFor("alice", CLIENT)).contains(Duration.ofSeconds(1));
    }

    @Test
    void theSameAccountFromAnotherClientMayStillTry() {
        fail("alice", CLIENT, 3);

        assertThat(guard.blockedFor("alice", OTHER_CLIENT)).isEmpty();
    }

    @Test
    void accountNamesAreComparedIgnoringCase() {
        fail("Alice", CLIENT, 3);

        assertThat(guard.blockedFor("ALICE", CLIENT)).isPresent();
    }

    @Test
    void blocksAClientGuessingManyAccounts() {
        guard.failed("a", CLIENT);
        guard.failed("b", CLIENT);
        guard.failed("c", CLIENT);
        assertThat(guard.blockedFor("e", CLIENT)).isEmpty();

        guard.failed("d", CLIENT);

        assertThat(guard.blockedFor("f", CLIENT)).contains(Duration.ofSeconds(1));
        assertThat(guard.blockedFor(null, CLIENT)).contains(Duration.ofSeconds(1));
        assertThat(guard.blockedFor("f", OTHER_CLIENT)).isEmpty();
    }

    @Test
    void failedTokensCountAgainstTheClientOnly() {
        fail(null, CLIENT, 5);

        assertThat(guard.blockedFor(null, CLIENT)).isPresent();
        assertThat(guard.blockedFor("alice", OTHER_CLIENT)).isEmpty();
    }

    @Test
    void reportsTheLongerOfBothWaits() {
        fail("alice", CLIENT, 4); // account: 2 past its free failures -> 4 s; client: at its limit -> 1 s

        assertThat(guard.blockedFor("alice", CLIENT)).contains(Duration.ofSeconds(4));
    }

    @Test
    void withoutAClientAddressOnlyTheAccountIsThrottled() {
        fail("alice", null, 2);

        assertThat(guard.blockedFor("alice", null)).contains(Duration.ofSeconds(1));
        assertThat(guard.blockedFor("alice", CLIENT)).isEmpty();
        assertThat(guard.blockedFor(null, null)).isEmpty();
    }

    @Test
    void successClearsTheAccountButNotTheClient() {
        fail("alice", CLIENT, 4);

        guard.succeeded("alice", CLIENT);

        assertThat(guard.blockedFor("alice", OTHER_CLIENT)).isEmpty();
        assertThat(guard.blockedFor("alice", CLIENT)).contains(Duration.ofSeconds(1));
    }

    @Test
    void waitsEndWithTime() {
        fail("alice", CLIENT, 2);

        clock.advance(Duration.ofSeconds(1));

        assertThat(guard.blockedFor("alice", CLIENT)).isEmpty();
    }

    @Test
    void waitsAreCappedByTheLongestLockout() {
        fail("alice", CLIENT, 40);

        assertThat(guard.blockedFor("alice", CLIENT)).contains(Duration.ofSeconds(60));
    }

    @Test
    void oddUserNamesAreHandled() {
        String odd = "ev\nil\u0000" + "x".repeat(200);

        fail(odd, CLIENT, 3);

        assertThat(guard.blockedFor(odd, CLIENT)).isPresent();
    }
}
