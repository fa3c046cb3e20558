package org.sitekeeper.console;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;

/** The staff member viewing a console page. */
public record ConsoleUser(String name, Role role, String clientAddress) {

    /** Ops and admins may change things; viewers only look. */
    public boolean canOperate() {
        return role.implies(Role.OPS);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public Actor actor() {
        return new Actor(name, role, Actor.CONSOLE, clientAddress);
    }
}
