package org.sitekeeper.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.sitekeeper.core.internal.security.CredentialVerifier.VerifiedUser;

/**
 * Remembers recently verified credentials for a short time so HTTP Basic clients do not pay the slow password
 * hash on every request. Entries are keyed by an HMAC of name and password under a random per-process key:
 * neither the password nor a cheap hash of it is kept in memory. Bounded and cleared on any account change.
 */
final class LoginCache {

    private record Entry(VerifiedUser user, Instant expiresAt) {}

    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries;

    LoginCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Optional<VerifiedUser> get(String username, String password) {
        return get(keyOf(username, password));
    }

    /** The entry under a key from {@link #keyOf}. */
    synchronized Optional<VerifiedUser> get(String k) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        Entry entry = entries.get(k);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(k);
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    synchronized void put(String username, String password, VerifiedUser user) {
        put(keyOf(username, password), user);
    }

    /** Remembers a user under a key from {@link #keyOf}. */
    synchronized void put(String k, VerifiedUser user) {
        if (!ttl.isZero()) {
            entries.put(k, new Entry(user, clock.instant().plus(ttl)));
        }
    }

    synchronized void clear() {
        entries.clear();
    }

    /** The HMAC of name and password that entries are kept under (never the password itself). */
    String keyOf(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
