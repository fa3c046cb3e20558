package org.sitekeeper.core.api.security;

/**
 * A staff account to create.
 *
 * @param username 1–64 characters: letters, digits, {@code . _ @ -}
 * @param password at least 12 characters; {@code null} lets the hub generate one and return it once
 * @param role {@code admin}, {@code ops} or {@code viewer}
 */
public record NewUser(String username, String password, String role) {}
