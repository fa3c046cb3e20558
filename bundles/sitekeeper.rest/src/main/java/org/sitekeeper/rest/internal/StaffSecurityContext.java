package org.sitekeeper.rest.internal;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.StaffPrincipal;

/** The JAX-RS security context of an authenticated request; roles follow the hierarchy. */
record StaffSecurityContext(StaffPrincipal principal, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.fromWireName(role).map(principal::has).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return principal.tokenId() == null ? BASIC_AUTH : "Bearer";
    }
}
