package org.sitekeeper.core.api;

import java.util.Objects;

/**
 * Who performs an action, for authorisation decisions and the audit log.
 *
 * @param name the user name, token name or component name
 * @param role the role the action is performed with
 * @param channel how the action arrived: {@code rest}, {@code shell}, {@code console} or {@code system}
 * @param clientAddress the remote address when known, else {@code null}
 */
public record Actor(String name, Role role, String channel, String clientAddress) {

    public static final String REST = "rest";
    public static final String SHELL = "shell";
    public static final String CONSOLE = "console";
    public static final String SYSTEM = "system";

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(channel, "channel");
    }

    /** Automation inside the hub (scheduled jobs, reactions to events). */
    public static Actor system(String component) {
        return new Actor(component, Role.ADMIN, SYSTEM, null);
    }

    /** Whether this actor may do what {@code required} may do. */
    public boolean has(Role required) {
        return role.implies(required);
    }
}
