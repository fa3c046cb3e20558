package org.sitekeeper.core.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Authenticates staff for every face against the one JAAS realm (REST HTTP Basic, the console, the shell
 * log in through it too) and automation by API token. Failed attempts are throttled per user and per client
 * address, so guessing is slow everywhere.
 */
@ProviderType
public interface StaffAuthenticator {

    /**
     * Checks a user name and password.
     *
     * @param clientAddress the remote address, or {@code null} when unknown
     * @throws org.sitekeeper.core.api.error.AuthenticationException when the credentials are wrong or the account
     *     has no Sitekeeper role
     * @throws org.sitekeeper.core.api.error.RateLimitedException when too many attempts failed recently
     */
    StaffPrincipal authenticate(String username, String password, String clientAddress);

    /**
     * Checks an API token ({@code sk_…}).
     *
     * @throws org.sitekeeper.core.api.error.AuthenticationException when unknown, revoked or expired
     * @throws org.sitekeeper.core.api.error.RateLimitedException when too many attempts failed recently
     */
    StaffPrincipal authenticateToken(String token, String clientAddress);
}
