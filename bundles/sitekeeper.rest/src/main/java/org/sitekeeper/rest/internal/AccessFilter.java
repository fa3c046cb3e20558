package org.sitekeeper.rest.internal;

import java.util.Optional;
import java.util.Set;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.error.AuthenticationException;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.security.HttpCredentials;
import org.sitekeeper.core.api.security.StaffAuthenticator;
import org.sitekeeper.core.api.security.StaffPrincipal;
import org.sitekeeper.rest.api.RestActors;

/**
 * Authenticates a request (HTTP Basic through the JAAS realm, or an API token) and checks it holds the role
 * the resource method needs. A refused change is written to the audit log.
 */
final class AccessFilter implements ContainerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final StaffAuthenticator authenticator;
    private final AuditLog audit;
    private final Role required;

    AccessFilter(StaffAuthenticator authenticator, AuditLog audit, Role required) {
        this.authenticator = authenticator;
        this.audit = audit;
        this.required = required;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Object client = request.getProperty(RestActors.CLIENT_ADDRESS);
        String address = client == null ? null : client.toString();
        StaffPrincipal principal = authenticate(authenticator, request.getHeaderString("Authorization"), address);
        request.setProperty(RestActors.PRINCIPAL, principal);
        request.setSecurityContext(
                new StaffSecurityContext(principal, request.getSecurityContext().isSecure()));
        if (!principal.has(required)) {
            if (!READS.contains(request.getMethod())) {
                audit.record(
                        RestActors.actor(request),
                        "rest." + request.getMethod().toLowerCase(java.util.Locale.ROOT),
                        "/" + request.getUriInfo().getPath(),
                        AuditOutcome.DENIED,
                        "needs " + required.wireName());
            }
            throw needs(required, principal);
        }
    }

    /** The staff member or token an {@code Authorization} header names (HTTP Basic or {@code Bearer sk_…}), or 401. */
    static StaffPrincipal authenticate(StaffAuthenticator authenticator, String authorization, String address) {
        Optional<HttpCredentials> credentials = HttpCredentials.parse(authorization);
        if (credentials.isEmpty()) {
            throw new AuthenticationException("authentication required: HTTP Basic or an API token (Bearer sk_…)");
        }
        return credentials.get() instanceof HttpCredentials.Basic basic
                ? authenticator.authenticate(basic.username(), basic.password(), address)
                : authenticator.authenticateToken(((HttpCredentials.Bearer) credentials.get()).token(), address);
    }

    static ForbiddenException needs(Role required, StaffPrincipal principal) {
        return new ForbiddenException("this needs the " + required.wireName() + " role; you have "
                + principal.role().wireName());
    }
}
