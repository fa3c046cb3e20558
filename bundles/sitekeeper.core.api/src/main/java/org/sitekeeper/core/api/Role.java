package org.sitekeeper.core.api;

import java.util.Locale;
import java.util.Optional;

/**
 * Staff roles, from the least to the most powerful. A role implies every role below it: an admin may do
 * what ops may do, ops may do what a viewer may do.
 */
public enum Role {
    /** Reads everything, changes nothing. */
    VIEWER,
    /** Operates: manages sites, runs checks and updates. */
    OPS,
    /** Also configures the hub and manages users and API tokens. */
    ADMIN;

    /** The name used on the wire, in JAAS role principals and in configuration. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether holding this role grants {@code required}. */
    public boolean implies(Role required) {
        return compareTo(required) >= 0;
    }

    /** The role with the given wire name, ignoring case. */
    public static Optional<Role> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equalsIgnoreCase(name.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
