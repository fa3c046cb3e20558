package org.sitekeeper.core.internal.rest;

import java.net.URI;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.RoleNames;
import org.sitekeeper.core.api.security.ApiTokenDto;
import org.sitekeeper.core.api.security.ApiTokenService;
import org.sitekeeper.core.api.security.IssuedApiToken;
import org.sitekeeper.core.api.security.NewApiToken;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;

/** {@code /api/v1/tokens}: API tokens for automation, managed by admins. */
@Component(service = TokensResource.class, property = JaxRs.RESOURCE)
@Path("v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.ADMIN)
public final class TokensResource {

    private final ApiTokenService tokens;

    @Activate
    public TokensResource(@Reference ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GET
    public Page<ApiTokenDto> list() {
        List<ApiTokenDto> all = tokens.list();
        return new Page<>(all, all.size(), null);
    }

    /** Issues a token; the response is the only time it is shown. */
    @POST
    public Response issue(NewApiToken body, @Context ContainerRequestContext request) {
        IssuedApiToken issued = tokens.issue(body, RestActors.actor(request));
        return Response.created(URI.create("/api/v1/tokens/" + issued.details().id()))
                .entity(issued)
                .build();
    }

    @DELETE
    @Path("{id}")
    public ApiTokenDto revoke(@PathParam("id") long id, @Context ContainerRequestContext request) {
        return tokens.revoke(id, RestActors.actor(request));
    }
}
