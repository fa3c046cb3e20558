package org.sitekeeper.core.api.security;

import java.time.Instant;

import org.sitekeeper.core.api.Role;

/**
 * An API token as listed: never the token itself, only the prefix that lets its owner recognise it.
 *
 * @param prefix the first characters of the token, e.g. {@code sk_AbC123de}
 */
public record ApiTokenDto(
        long id,
        String name,
        String prefix,
        Role role,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    /** Whether the token still authenticates at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
