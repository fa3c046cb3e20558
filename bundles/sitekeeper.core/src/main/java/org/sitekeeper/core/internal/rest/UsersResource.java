package org.sitekeeper.core.internal.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
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
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.security.CreatedUser;
import org.sitekeeper.core.api.security.NewUser;
import org.sitekeeper.core.api.security.StaffPrincipal;
import org.sitekeeper.core.api.security.UserChange;
import org.sitekeeper.core.api.security.UserDto;
import org.sitekeeper.core.api.security.UserService;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;

/** {@code /api/v1/users}: staff accounts (admins), and {@code me} for everyone. */
@Component(service = UsersResource.class, property = JaxRs.RESOURCE)
@Path("v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.ADMIN)
public final class UsersResource {

    /** Body of {@code POST /users/me/password}. */
    public record PasswordChange(String currentPassword, String newPassword) {}

    private final UserService users;

    @Activate
    public UsersResource(@Reference UserService users) {
        this.users = users;
    }

    @GET
    public Page<UserDto> list() {
        List<UserDto> all = users.list();
        return new Page<>(all, all.size(), null);
    }

    @POST
    public Response create(NewUser body, @Context ContainerRequestContext request) {
        CreatedUser created = users.create(body, RestActors.actor(request));
        return Response.created(URI.create("/api/v1/users/" + created.user().username()))
                .entity(created)
                .build();
    }

    @GET
    @Path("me")
    @RolesAllowed(RoleNames.VIEWER)
    public Map<String, Object> me(@Context ContainerRequestContext request) {
        StaffPrincipal principal = RestActors.principal(request);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", principal.name());
        me.put("role", principal.role());
        me.put("authenticated_by", principal.tokenId() == null ? "password" : "api_token");
        return me;
    }

    @POST
    @Path("me/password")
    @RolesAllowed(RoleNames.VIEWER)
    public Response changeOwnPassword(PasswordChange body, @Context ContainerRequestContext request) {
        StaffPrincipal principal = RestActors.principal(request);
        if (principal.tokenId() != null) {
            throw new ForbiddenException("an API token has no password; log in with the account instead");
        }
        PasswordChange change = Validate.body(body);
        users.changeOwnPassword(
                principal.name(), change.currentPassword(), change.newPassword(), RestActors.actor(request));
        return Response.noContent().build();
    }

    @GET
    @Path("{username}")
    public UserDto get(@PathParam("username") String username) {
        return users.find(username).orElseThrow(() -> NotFoundException.of("user", username));
    }

    @PATCH
    @Path("{username}")
    public UserDto change(
            @PathParam("username") String username, UserChange body, @Context ContainerRequestContext request) {
        return users.change(username, body, RestActors.actor(request));
    }

    @DELETE
    @Path("{username}")
    public Response delete(@PathParam("username") String username, @Context ContainerRequestContext request) {
        users.delete(username, RestActors.actor(request));
        return Response.noContent().build();
    }
}
