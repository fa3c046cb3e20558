package org.sitekeeper.notifications.internal.rest;

import java.util.Map;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.RoleNames;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.notifications.api.InboxItemDto;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;

/** {@code /api/v1/notifications/inbox}: the in-app inbox; every staff member may read and acknowledge. */
@Component(service = InboxResource.class, property = JaxRs.RESOURCE)
@Path("v1/notifications/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(RoleNames.VIEWER)
public final class InboxResource {

    private final NotificationService notifications;

    @Activate
    public InboxResource(@Reference NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    public Page<InboxItemDto> list(
            @QueryParam("unacknowledged") String unacknowledged,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return notifications.inbox(
                Validate.flag("unacknowledged", unacknowledged, false), PageRequest.parse(limit, cursor));
    }

    @POST
    @Path("{id: [0-9]+}/ack")
    public InboxItemDto acknowledge(@PathParam("id") long id, @Context ContainerRequestContext request) {
        return notifications.acknowledge(id, RestActors.actor(request));
    }

    @POST
    @Path("ack")
    public Map<String, Integer> acknowledgeAll(@Context ContainerRequestContext request) {
        return Map.of("acknowledged", notifications.acknowledgeAll(RestActors.actor(request)));
    }
}
