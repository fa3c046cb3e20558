package org.sitekeeper.core.api;

/** Role names as compile-time constants, for {@code @RolesAllowed} and configuration files. */
public final class RoleNames {

    public static final String ADMIN = "admin";
    public static final String OPS = "ops";
    public static final String VIEWER = "viewer";

    private RoleNames() {}
}
