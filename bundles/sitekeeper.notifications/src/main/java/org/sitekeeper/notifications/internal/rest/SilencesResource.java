package org.sitekeeper.notifications.internal.rest;

import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.notifications.api.NewSilence;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.api.SilenceDto;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;

/**
 * {@code /api/v1/notifications/silences}: silences and maintenance windows. {@code DELETE} ends one now; it stays
 * listed (with {@code include_ended=true}) for the record.
 */
@Component(service = SilencesResource.class, property = JaxRs.RESOURCE)
@Path("v1/notifications/silences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SilencesResource {

    private final NotificationService notifications;

    @Activate
    public SilencesResource(@Reference NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    public Page<SilenceDto> list(@QueryParam("include_ended") String includeEnded) {
        List<SilenceDto> silences = notifications.silences(Validate.flag("include_ended", includeEnded, false));
        return new Page<>(silences, silences.size(), null);
    }

    @POST
    public Response create(NewSilence body, @Context ContainerRequestContext request) {
        SilenceDto silence = notifications.createSilence(body, RestActors.actor(request));
        return Response.created(URI.create("/api/v1/notifications/silences/" + silence.id()))
                .entity(silence)
                .build();
    }

    @GET
    @Path("{id: [0-9]+}")
    public SilenceDto get(@PathParam("id") long id) {
        return notifications.silences(true).stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("silence", id));
    }

    @DELETE
    @Path("{id: [0-9]+}")
    public SilenceDto expire(@PathParam("id") long id, @Context ContainerRequestContext request) {
        return notifications.expireSilence(id, RestActors.actor(request));
    }
}
