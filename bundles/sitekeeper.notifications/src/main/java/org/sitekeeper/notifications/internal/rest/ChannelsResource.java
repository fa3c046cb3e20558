package org.sitekeeper.notifications.internal.rest;

import java.net.URI;
import java.util.List;
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
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.notifications.api.ChannelChange;
import org.sitekeeper.notifications.api.ChannelDto;
import org.sitekeeper.notifications.api.ChannelTypeDto;
import org.sitekeeper.notifications.api.NewChannel;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.api.TestResult;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;

/** {@code /api/v1/notifications/channels}: where messages go. Reads need viewer, changes and tests ops. */
@Component(service = ChannelsResource.class, property = JaxRs.RESOURCE)
@Path("v1/notifications/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ChannelsResource {

    /** The body of a test: recipients for channel types that need them. */
    public record TestRequest(List<String> recipients) {}

    private final NotificationService notifications;

    @Activate
    public ChannelsResource(@Reference NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    public Page<ChannelDto> list() {
        List<ChannelDto> channels = notifications.channels();
        return new Page<>(channels, channels.size(), null);
    }

    @GET
    @Path("types")
    public Page<ChannelTypeDto> types() {
        List<ChannelTypeDto> types = notifications.channelTypes();
        return new Page<>(types, types.size(), null);
    }

    @POST
    public Response create(NewChannel body, @Context ContainerRequestContext request) {
        ChannelDto channel = notifications.createChannel(body, RestActors.actor(request));
        return Response.created(URI.create("/api/v1/notifications/channels/" + channel.id()))
                .entity(channel)
                .build();
    }

    @GET
    @Path("{id: [0-9]+}")
    public ChannelDto get(@PathParam("id") long id) {
        return notifications.channel(id).orElseThrow(() -> NotFoundException.of("channel", id));
    }

    @PATCH
    @Path("{id: [0-9]+}")
    public ChannelDto update(@PathParam("id") long id, ChannelChange body, @Context ContainerRequestContext request) {
        return notifications.updateChannel(id, body, RestActors.actor(request));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public Response delete(@PathParam("id") long id, @Context ContainerRequestContext request) {
        notifications.deleteChannel(id, RestActors.actor(request));
        return Response.noContent().build();
    }

    /** Sends a test message now and answers how it went (the attempt is in the delivery log too). */
    @POST
    @Path("{id: [0-9]+}/test")
    public TestResult test(@PathParam("id") long id, TestRequest body, @Context ContainerRequestContext request) {
        return notifications.testChannel(id, body == null ? List.of() : body.recipients(), RestActors.actor(request));
    }
}
