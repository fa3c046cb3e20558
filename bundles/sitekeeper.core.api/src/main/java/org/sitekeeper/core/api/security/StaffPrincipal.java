package org.sitekeeper.core.api.security;

import java.security.Principal;
import java.util.Objects;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;

/**
 * A member of staff or an automation token, authenticated.
 *
 * @param name the user name, or the token's name for API tokens
 * @param role the strongest Sitekeeper role held
 * @param tokenId the API token's id when authenticated by token, else {@code null}
 */
public record StaffPrincipal(String name, Role role, Long tokenId) implements Principal {

    public StaffPrincipal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String getName() {
        return name;
    }

    /** Whether this principal may do what {@code required} may do. */
    public boolean has(Role required) {
        return role.implies(required);
    }

    /** The actor for the audit log; API tokens appear as {@code token:<name>}. */
    public Actor actor(String channel, String clientAddress) {
        return new Actor(tokenId == null ? name : "token:" + name, role, channel, clientAddress);
    }
}
