package org.sitekeeper.core.internal.security;

import javax.security.auth.login.LoginException;

import org.sitekeeper.core.api.Role;

/** Checks a password against the user store, for the JAAS login module. Internal to the core bundle. */
public interface CredentialVerifier {

    /**
     * @param clientAddress the client's address when the log-in path knows it, else {@code null}
     * @return the user's stored spelling of the name and role
     * @throws ThrottledLoginException when too many attempts failed recently
     * @throws javax.security.auth.login.FailedLoginException when the name, password or account state is wrong
     */
    VerifiedUser verify(String username, String password, String clientAddress) throws LoginException;

    /** A verified account. */
    record VerifiedUser(String username, Role role) {}
}
