package org.sitekeeper.core.internal.security;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.ClientAddressCallback;
import org.sitekeeper.core.internal.security.CredentialVerifier.VerifiedUser;

/**
 * JAAS login module of the Sitekeeper realm: checks the password against the user store and grants Karaf
 * role principals. A role implies the weaker ones; admins also get Karaf's {@code manager} and
 * {@code systembus}, and every Sitekeeper role may use the SSH shell (commands are then limited by ACLs).
 */
public final class SitekeeperLoginModule implements LoginModule {

    private Subject subject;
    private CallbackHandler callbackHandler;
    private BundleContext bundleContext;
    private VerifiedUser user;
    private final List<Principal> principals = new ArrayList<>();

    @Override
    public void initialize(
            Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        this.bundleContext = (BundleContext) options.get(BundleContext.class.getName());
    }

    @Override
    public boolean login() throws LoginException {
        if (callbackHandler == null) {
            throw new LoginException("no callback handler to ask for credentials");
        }
        NameCallback name = new NameCallback("Username: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            callbackHandler.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("cannot read credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword();
        password.clearPassword();
        if (name.getName() == null || secret == null) {
            throw new FailedLoginException("user name and password are required");
        }
        String client = clientAddress();
        ServiceReference<CredentialVerifier> ref =
                bundleContext == null ? null : bundleContext.getServiceReference(CredentialVerifier.class);
        CredentialVerifier verifier = ref == null ? null : bundleContext.getService(ref);
        if (verifier == null) {
            throw new LoginException("the Sitekeeper user store is not available");
        }
        try {
            user = verifier.verify(name.getName(), new String(secret), client);
        } finally {
            bundleContext.ungetService(ref);
        }
        return true;
    }

    private String clientAddress() {
        ClientAddressCallback address = new ClientAddressCallback();
        try {
            callbackHandler.handle(new Callback[] {address});
            return address.getAddress();
        } catch (IOException | UnsupportedCallbackException e) {
            return null; // SSH and other paths do not tell
        }
    }

    @Override
    public boolean commit() {
        if (user == null) {
            return false;
        }
        principals.add(new UserPrincipal(user.username()));
        for (String role : jaasRoles(user.role())) {
            principals.add(new RolePrincipal(role));
        }
        subject.getPrincipals().addAll(principals);
        return true;
    }

    /** The Karaf role principals granted for a Sitekeeper role. */
    static List<String> jaasRoles(Role role) {
        List<String> roles = new ArrayList<>();
        for (Role each : Role.values()) {
            if (role.implies(each)) {
                roles.add(each.wireName());
            }
        }
        if (role == Role.ADMIN) {
            roles.add("manager");
            roles.add("systembus");
        }
        roles.add("ssh");
        return roles;
    }

    @Override
    public boolean abort() {
        return logout();
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals.clear();
        user = null;
        return true;
    }
}
