package org.sitekeeper.notifications.internal.rest;

import java.util.List;
import java.util.Map;
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
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.notifications.api.DeliveryDto;
import org.sitekeeper.notifications.api.DeliveryQuery;
import org.sitekeeper.notifications.api.DirectNotification;
import org.sitekeeper.notifications.api.NewAlert;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;

/**
 * {@code /api/v1/notifications}: the delivery log (viewer), alerts raised from outside and direct messages (ops).
 */
@Component(service = DeliveriesResource.class, property = JaxRs.RESOURCE)
@Path("v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DeliveriesResource {

    public static final List<String> STATUSES = List.of("pending", "delivered", "failed", "suppressed", "grouped");

    private final NotificationService notifications;

    @Activate
    public DeliveriesResource(@Reference NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    public Page<DeliveryDto> list(
            @QueryParam("status") String status,
            @QueryParam("channel_id") String channel,
            @QueryParam("alert_key") String alertKey,
            @QueryParam("topic") String topic,
            @QueryParam("site_id") String site,
            @QueryParam("since") String since,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return notifications.deliveries(
                query(status, channel, alertKey, topic, site, since, PageRequest.parse(limit, cursor)));
    }

    /** Parses log filters as users give them, for REST, the shell and the console alike. */
    public static DeliveryQuery query(
            String status, String channel, String alertKey, String topic, String site, String since, PageRequest page) {
        return new DeliveryQuery(
                status == null || status.isBlank() ? null : Validate.oneOf("status", status, STATUSES),
                id("channel_id", channel),
                Validate.optionalText("alert_key", alertKey, 200),
                Validate.optionalText("topic", topic, 200),
                id("site_id", site),
                Validate.instant("since", since),
                page);
    }

    static Long id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(field, field + " must be a positive whole number");
    }

    @GET
    @Path("{id: [0-9]+}")
    public DeliveryDto get(@PathParam("id") long id) {
        return notifications.delivery(id).orElseThrow(() -> NotFoundException.of("notification", id));
    }

    /** Raises an alert from outside (a script, another monitor) as {@code sitekeeper/external/<event>}. */
    @POST
    @Path("alerts")
    public Response raise(NewAlert body, @Context ContainerRequestContext request) {
        notifications.raise(body, RestActors.actor(request));
        return Response.accepted(Map.of("accepted", true)).build();
    }

    /** Queues a message to given recipients outside the routing rules. */
    @POST
    @Path("messages")
    public Response send(DirectNotification body, @Context ContainerRequestContext request) {
        long id = notifications.sendDirect(body, RestActors.actor(request));
        return Response.accepted(Map.of("delivery_id", id)).build();
    }
}
