package org.sitekeeper.uptime.internal.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
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
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;
import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorQuery;
import org.sitekeeper.uptime.api.MonitorSpec;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.api.UptimeService;

/** {@code /api/v1/monitors}: uptime monitors. Reads need viewer, changes and checks ops. */
@Component(service = MonitorsResource.class, property = JaxRs.RESOURCE)
@Path("v1/monitors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MonitorsResource {

    private final UptimeService uptime;

    @Activate
    public MonitorsResource(@Reference UptimeService uptime) {
        this.uptime = uptime;
    }

    @GET
    public Page<MonitorDto> list(
            @QueryParam("state") String state,
            @QueryParam("site_id") String siteId,
            @QueryParam("q") String text,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return uptime.list(query(state, siteId, text, PageRequest.parse(limit, cursor)));
    }

    /** Parses list filters as users give them, for REST, the shell and the console alike. */
    public static MonitorQuery query(String state, String siteId, String text, PageRequest page) {
        MonitorState wanted = null;
        if (state != null && !state.isBlank()) {
            wanted = MonitorState.parse(state)
                    .orElseThrow(() -> new InvalidInputException("state", "state must be up, down, unknown or paused"));
        }
        Long site = null;
        if (siteId != null && !siteId.isBlank()) {
            site = (long) Validate.intInRange("site_id", siteId, 0, 1, Integer.MAX_VALUE);
        }
        return new MonitorQuery(wanted, site, Validate.optionalText("q", text, 200), page);
    }

    @POST
    public Response create(MonitorSpec body, @Context ContainerRequestContext request) {
        MonitorDto monitor = uptime.create(body, RestActors.actor(request));
        return Response.created(URI.create("/api/v1/monitors/" + monitor.id()))
                .entity(monitor)
                .build();
    }

    /**
     * Imports up to {@value UptimeService#MAX_IMPORT} monitors at once, all or nothing. Their first checks are spread
     * over their intervals.
     */
    @POST
    @Path("import")
    public Response importAll(List<MonitorSpec> body, @Context ContainerRequestContext request) {
        List<Long> ids = uptime.createAll(body, RestActors.actor(request));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("created", ids.size());
        created.put("ids", ids);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{id}")
    public MonitorDto get(@PathParam("id") long id) {
        return uptime.find(id).orElseThrow(() -> NotFoundException.of("monitor", id));
    }

    @PATCH
    @Path("{id}")
    public MonitorDto update(@PathParam("id") long id, MonitorSpec body, @Context ContainerRequestContext request) {
        return uptime.update(id, body, RestActors.actor(request));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id, @Context ContainerRequestContext request) {
        uptime.delete(id, RestActors.actor(request));
        return Response.noContent().build();
    }

    /** Checks now; the result is recorded like a scheduled check. */
    @POST
    @Path("{id}/check")
    public CheckResultDto check(@PathParam("id") long id, @Context ContainerRequestContext request) {
        return uptime.checkNow(id, RestActors.actor(request));
    }

    @GET
    @Path("{id}/results")
    public Page<CheckResultDto> results(@PathParam("id") long id, @QueryParam("limit") String limit) {
        int n = Validate.intInRange("limit", limit, 50, 1, 1000);
        List<CheckResultDto> results = uptime.results(id, n);
        return new Page<>(results, results.size(), null);
    }

    /** Uptime over 24 h, 7 d, 30 d and 365 d, and the daily bars of the last {@code days} days (default 30). */
    @GET
    @Path("{id}/uptime")
    public Map<String, Object> uptime(@PathParam("id") long id, @QueryParam("days") String days) {
        int n = Validate.intInRange("days", days, 30, 1, 365);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("monitor_id", id);
        body.put("stats", uptime.stats(id));
        body.put("days", uptime.days(id, n));
        return body;
    }
}
