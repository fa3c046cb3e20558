package org.sitekeeper.rest.api;

import javax.ws.rs.container.ContainerRequestContext;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.error.AuthenticationException;
import org.sitekeeper.core.api.security.StaffPrincipal;

/**
 * Who is calling, for resources: the platform authenticates every non-public request before the resource
 * runs and leaves the result in the request.
 *
 * <pre>{@code
 * @POST
 * public Response create(NewSite body, @Context ContainerRequestContext request) {
 *     SiteDto site = sites.create(body, RestActors.actor(request));
 * }</pre>
 */
public final class RestActors {

    /** Request property holding the {@link StaffPrincipal}. */
    public static final String PRINCIPAL = "sitekeeper.principal";
    /** Request property holding the client address. */
    public static final String CLIENT_ADDRESS = "sitekeeper.client";

    private RestActors() {}

    /** The authenticated staff member or token. */
    public static StaffPrincipal principal(ContainerRequestContext request) {
        Object principal = request.getProperty(PRINCIPAL);
        if (principal instanceof StaffPrincipal staff) {
            return staff;
        }
        throw new AuthenticationException("authentication required");
    }

    /** The actor for services and the audit log. */
    public static Actor actor(ContainerRequestContext request) {
        Object client = request.getProperty(CLIENT_ADDRESS);
        return principal(request).actor(Actor.REST, client == null ? null : client.toString());
    }
}
