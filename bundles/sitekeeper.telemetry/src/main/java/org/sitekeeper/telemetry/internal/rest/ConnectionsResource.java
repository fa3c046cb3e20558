package org.sitekeeper.telemetry.internal.rest;

import java.util.List;
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

import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;
import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.ConnectionService;
import org.sitekeeper.telemetry.api.IssuedConnectionToken;

/** {@code /api/v1/connections}: seed 001's WordPress connections and their bot tokens (staff). */
@Component(service = ConnectionsResource.class, property = JaxRs.RESOURCE)
@Path("v1/connections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ConnectionsResource {

    /** A new token's body. */
    public record NewToken(String name) {}

    private final ConnectionService connections;

    @Activate
    public ConnectionsResource(@Reference ConnectionService connections) {
        this.connections = connections;
    }

    @GET
    public List<ConnectionDto> list() {
        return connections.connections();
    }

    @GET
    @Path("{id}")
    public ConnectionDto get(@PathParam("id") String id) {
        return connections.connection(id).orElseThrow(() -> NotFoundException.of("connection", id));
    }

    @POST
    @Path("tokens")
    public Response create(NewToken body, @Context ContainerRequestContext request) {
        IssuedConnectionToken issued =
                connections.createToken(body == null ? null : body.name(), RestActors.actor(request));
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @DELETE
    @Path("tokens/{id}")
    public Response revoke(@PathParam("id") String id, @Context ContainerRequestContext request) {
        connections.revokeToken(id, RestActors.actor(request));
        return Response.noContent().build();
    }
}
