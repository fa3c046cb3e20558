package org.sitekeeper.core.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Encryption at rest for secrets the hub must read back (SMTP passwords, webhook signing keys, connector
 * keys): AES-256-GCM under the hub's master key. A sealed value names the key it was sealed with, so keys
 * can be rotated. The {@code context} is authenticated but not stored: a value sealed for one context (say
 * {@code notifications.channel:7:password}) cannot be opened as another, so swapping ciphertexts between
 * rows does not work.
 */
@ProviderType
public interface SecretBox {

    /** Encrypts {@code plaintext} for {@code context}; the result is printable text safe to store. */
    String seal(String plaintext, String context);

    /**
     * Decrypts a value sealed for {@code context}.
     *
     * @throws IllegalArgumentException if the value is malformed, was sealed for another context or key, or was
     *     tampered with
     */
    String open(String sealed, String context);

    /** Whether {@code value} looks like something {@link #seal} produced. */
    boolean isSealed(String value);

    /**
     * An HMAC-SHA256 of {@code data} under a key derived from the master key for {@code purpose} (e.g.
     * {@code console.csrf}), URL-safe Base64. Every node sharing the master key computes the same value.
     */
    String mac(String purpose, String data);
}
