package org.sitekeeper.core.internal.security;

import java.io.PrintStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.RoleNames;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.security.CreatedUser;
import org.sitekeeper.core.api.security.NewUser;
import org.sitekeeper.core.api.security.UserService;

/**
 * On the very first start (no account at all), creates {@code admin} with the password from
 * {@code SITEKEEPER_ADMIN_PASSWORD}, or a generated one that is printed once to the console and the log.
 * There is never a default password.
 */
@Component(immediate = true)
public final class FirstAdminProvisioner {

    static final String ADMIN = "admin";
    static final String ENV = "SITEKEEPER_ADMIN_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminProvisioner.class);

    @Activate
    public FirstAdminProvisioner(@Reference UserService users) {
        provision(users, System.getenv(ENV), System.out);
    }

    /** Creates the first admin when there is no account; returns whether it did. */
    static boolean provision(UserService users, String environmentPassword, PrintStream console) {
        if (!users.list().isEmpty()) {
            return false;
        }
        String password = environmentPassword == null || environmentPassword.isEmpty() ? null : environmentPassword;
        try {
            CreatedUser created =
                    users.create(new NewUser(ADMIN, password, RoleNames.ADMIN), Actor.system("first-start"));
            if (created.generatedPassword() != null) {
                String banner = "Sitekeeper first start: created user 'admin' with password "
                        + created.generatedPassword()
                        + " — it is shown only this once; change it with user:passwd or set "
                        + ENV + " before the first start.";
                console.println(banner);
                LOG.warn(banner);
            } else {
                LOG.info("Sitekeeper first start: created user 'admin' with the password from {}", ENV);
            }
            return true;
        } catch (ConflictException e) {
            LOG.debug("Another node created the first admin");
            return false;
        } catch (InvalidInputException e) {
            String message = ENV + " was refused (" + e.getMessage() + "); no admin was created. "
                    + "Restart with a longer password to create it.";
            console.println(message);
            LOG.error(message);
            return false;
        }
    }
}
