package org.sitekeeper.core.api.security;

import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;
import javax.security.auth.Subject;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.ForbiddenException;

/**
 * Reads who is acting from a JAAS subject, as Karaf's shell runs every command as the logged-in subject.
 * Roles come from Karaf's {@code RolePrincipal}s (the class is matched by name, so this works whichever
 * bundle loaded it).
 */
public final class Subjects {

    private static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";
    private static final String USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";

    private Subjects() {}

    /** The strongest Sitekeeper role in {@code subject}. */
    public static Optional<Role> strongestRole(Subject subject) {
        Role best = null;
        for (Principal principal : subject.getPrincipals()) {
            if (ROLE_PRINCIPAL.equals(principal.getClass().getName())) {
                Role role = Role.fromWireName(principal.getName()).orElse(null);
                if (role != null && (best == null || role.implies(best))) {
                    best = role;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The user name in {@code subject}. */
    public static Optional<String> userName(Subject subject) {
        return subject.getPrincipals().stream()
                .filter(p -> USER_PRINCIPAL.equals(p.getClass().getName()))
                .map(Principal::getName)
                .findFirst();
    }

    /**
     * The actor of the current shell command, checked to hold {@code required}.
     *
     * @throws ForbiddenException when there is no subject or its role is too weak
     */
    @SuppressWarnings("removal") // Karaf 4.4 on Java 17 still carries the subject in the access control context
    public static Actor currentShellActor(Role required) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            throw new ForbiddenException("no logged-in user");
        }
        Role role =
                strongestRole(subject).orElseThrow(() -> new ForbiddenException("this account has no Sitekeeper role"));
        if (!role.implies(required)) {
            throw new ForbiddenException("this needs the " + required.wireName() + " role");
        }
        return new Actor(userName(subject).orElse("unknown"), role, Actor.SHELL, null);
    }
}
