package org.sitekeeper.core.api.security;

/**
 * An API token to issue.
 *
 * @param name what the token is for, 1–100 characters
 * @param role the role it carries: {@code admin}, {@code ops} or {@code viewer}
 * @param expiresInDays days until it stops working, {@code null} for never
 */
public record NewApiToken(String name, String role, Integer expiresInDays) {}
