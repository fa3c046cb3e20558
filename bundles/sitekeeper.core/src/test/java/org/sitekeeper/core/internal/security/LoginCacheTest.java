package org.sitekeeper.core.internal.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.internal.MutableClock;
import org.sitekeeper.core.internal.security.CredentialVerifier.VerifiedUser;

import static org.assertj.core.api.Assertions.assertThat;

class LoginCacheTest {

    private static final VerifiedUser ALICE = new VerifiedUser("alice", Role.OPS);

    private final MutableClock clock = MutableClock.at("2026-05-01T12:00:00Z");
    private final LoginCache cache = new LoginCache(clock, Duration.ofSeconds(30), 100);

    @Test
    void remembersAVerifiedLogin() {
        cache.put("alice", "s3cret password", ALICE);

        assertThat(cache.get("alice", "s3cret password")).contains(ALICE);
    }

    @Test
    void missesForAnotherPasswordOrName() {
        cache.put("alice", "s3cret password", ALICE);

        assertThat(cache.get("alice", "s3cret passwore")).isEmpty();
        assertThat(cache.get("alice2", "s3cret password")).isEmpty();
        assertThat(cache.get("Alice", "s3cret password")).isEmpty();
    }

    @Test
    void nameAndPasswordCannotBeShiftedIntoEachOther() {
        cache.put("ali", "ce:password", ALICE);

        assertThat(cache.get("alice", ":password")).isEmpty();
        assertThat(cache.get("alic", "e:password")).isEmpty();
    }

    @Test
    void expiresAfterTheTtl() {
        cache.put("alice", "pw", ALICE);

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get("alice", "pw")).isPresent();

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("alice", "pw")).isEmpty();
    }

    @Test
    void anExpiredEntryStaysGoneEvenIfTheClockGoesBack() {
        cache.put("alice", "pw", ALICE);
        clock.advance(Duration.ofSeconds(31));
        assertThat(cache.get("alice", "pw")).isEmpty();

        clock.advance(Duration.ofSeconds(-31));

        assertThat(cache.get("alice", "pw")).isEmpty();
    }

    @Test
    void clearForgetsEverything() {
        cache.put("alice", "pw", ALICE);
        cache.put("bob", "pw", new VerifiedUser("bob", Role.VIEWER));

        cache.clear();

        assertThat(cache.get("alice", "pw")).isEmpty();
        assertThat(cache.get("bob", "pw")).isEmpty();
    }

    @Test
    void zeroTtlDisablesTheCache() {
        LoginCache disabled = new LoginCache(clock, Duration.ZERO, 100);

        disabled.put("alice", "pw", ALICE);

        assertThat(disabled.get("alice", "pw")).isEmpty();
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfEntries() {
        LoginCache small = new LoginCache(clock, Duration.ofSeconds(30), 2);
        small.put("a", "pw", ALICE);
        small.put("b", "pw", ALICE);
        small.get("a", "pw");

        small.put("c", "pw", ALICE);

        assertThat(small.get("b", "pw")).isEmpty();
        assertThat(small.get("a", "pw")).isPresent();
        assertThat(small.get("c", "pw")).isPresent();
    }
}
