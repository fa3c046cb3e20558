package org.sitekeeper.core.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One-way hashing for high-entropy keys the hub only verifies (API tokens, plugin API keys, site keys).
 * Not for passwords: those take a slow salted hash inside the user store.
 */
@ProviderType
public interface KeyHasher {

    /** A self-describing hash of {@code key}, e.g. {@code sha256:…}. */
    String hash(String key);

    /** Whether {@code key} hashes to {@code storedHash}, compared in constant time. */
    boolean matches(String key, String storedHash);
}
