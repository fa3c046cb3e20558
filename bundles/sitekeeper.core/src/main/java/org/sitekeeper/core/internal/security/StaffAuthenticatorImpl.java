package org.sitekeeper.core.internal.security;

import java.time.Duration;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.AuthenticationException;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.RateLimitedException;
import org.sitekeeper.core.api.security.ClientAddressCallback;
import org.sitekeeper.core.api.security.StaffAuthenticator;
import org.sitekeeper.core.api.security.StaffPrincipal;
import org.sitekeeper.core.api.security.Subjects;

/**
 * Passwords go through the configured JAAS realm (the same one the shell and console use); API tokens are
 * checked against the token store. Both paths are throttled on failure.
 */
@Component(configurationPid = SecurityConfig.PID)
public final class StaffAuthenticatorImpl implements StaffAuthenticator {

    private final String realm;
    private final ApiTokenServiceImpl tokens;
    private final LoginGuard guard;

    @Activate
    public StaffAuthenticatorImpl(
            @Reference ApiTokenServiceImpl tokens,
            @Reference LoginGuard guard,
            // only authenticate once the realm's user store is up
            @Reference CredentialVerifier userStore,
            SecurityConfig config) {
        this.realm = config.realm();
        this.tokens = tokens;
        this.guard = guard;
    }

    @Override
    public StaffPrincipal authenticate(String username, String password, String clientAddress) {
        if (username == null || username.isEmpty() || password == null) {
            throw new AuthenticationException("user name and password are required");
        }
        Subject subject = new Subject();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(StaffAuthenticatorImpl.class.getClassLoader());
        try {
            new LoginContext(realm, subject, callbacks -> answer(callbacks, username, password, clientAddress)).login();
        } catch (ThrottledLoginException e) {
            throw new RateLimitedException("too many failed log-ins; try again later", e.retryAfter());
        } catch (LoginException e) {
            throw new AuthenticationException("invalid user name or password");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        Role role = Subjects.strongestRole(subject)
                .orElseThrow(() -> new ForbiddenException("this account has no Sitekeeper role"));
        return new StaffPrincipal(Subjects.userName(subject).orElse(username), role, null);
    }

    private static void answer(Callback[] callbacks, String username, String password, String clientAddress)
            throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (callback instanceof NameCallback name) {
                name.setName(username);
            } else if (callback instanceof PasswordCallback secret) {
                secret.setPassword(password.toCharArray());
            } else if (callback instanceof ClientAddressCallback address) {
                address.setAddress(clientAddress);
            } else {
                throw new UnsupportedCallbackException(callback);
            }
        }
    }

    @Override
    public StaffPrincipal authenticateToken(String token, String clientAddress) {
        Optional<Duration> wait = guard.blockedFor(null, clientAddress);
        if (wait.isPresent()) {
            throw new RateLimitedException("too many failed attempts; try again later", wait.get());
        }
        Optional<StaffPrincipal> principal = tokens.verify(token);
        if (principal.isEmpty()) {
            guard.failed(null, clientAddress);
            throw new AuthenticationException("invalid, expired or revoked API token");
        }
        return principal.get();
    }
}
