package org.sitekeeper.notifications.internal.rest;

import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.notifications.api.NewRule;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.api.RuleDto;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;

/** {@code /api/v1/notifications/rules}: which events go where. Reads need viewer, changes ops. */
@Component(service = RulesResource.class, property = JaxRs.RESOURCE)
@Path("v1/notifications/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class RulesResource {

    private final NotificationService notifications;

    @Activate
    public RulesResource(@Reference NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    public Page<RuleDto> list() {
        List<RuleDto> rules = notifications.rules();
        return new Page<>(rules, rules.size(), null);
    }

    @POST
    public Response create(NewRule body, @Context ContainerRequestContext request) {
        RuleDto rule = notifications.createRule(body, RestActors.actor(request));
        return Response.created(URI.create("/api/v1/notifications/rules/" + rule.id()))
                .entity(rule)
                .build();
    }

    @GET
    @Path("{id: [0-9]+}")
    public RuleDto get(@PathParam("id") long id) {
        return notifications.rule(id).orElseThrow(() -> NotFoundException.of("rule", id));
    }

    /** Replaces the rule's definition (absent fields take their defaults, as when creating). */
    @PUT
    @Path("{id: [0-9]+}")
    public RuleDto replace(@PathParam("id") long id, NewRule body, @Context ContainerRequestContext request) {
        return notifications.updateRule(id, body, RestActors.actor(request));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public Response delete(@PathParam("id") long id, @Context ContainerRequestContext request) {
        notifications.deleteRule(id, RestActors.actor(request));
        return Response.noContent().build();
    }
}
