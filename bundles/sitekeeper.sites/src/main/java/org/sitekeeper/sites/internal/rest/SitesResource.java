package org.sitekeeper.sites.internal.rest;

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
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;
import org.sitekeeper.sites.api.NewSite;
import org.sitekeeper.sites.api.SiteChanges;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteQuery;
import org.sitekeeper.sites.api.SiteService;
import org.sitekeeper.sites.api.SiteService.GroupCount;
import org.sitekeeper.sites.api.SiteStatus;
import org.sitekeeper.sites.internal.domain.SiteFields;

/** {@code /api/v1/sites}: the site registry. Reads need viewer, changes ops. */
@Component(service = SitesResource.class, property = JaxRs.RESOURCE)
@Path("v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SitesResource {

    private final SiteService sites;

    @Activate
    public SitesResource(@Reference SiteService sites) {
        this.sites = sites;
    }

    @GET
    public Page<SiteDto> list(
            @QueryParam("status") String status,
            @QueryParam("group") String group,
            @QueryParam("tag") String tag,
            @QueryParam("q") String text,
            @QueryParam("owner") String owner,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return sites.list(query(status, group, tag, text, owner, PageRequest.parse(limit, cursor)));
    }

    /** Parses list filters as users give them, for REST and the console alike. */
    public static SiteQuery query(
            String status, String group, String tag, String text, String owner, PageRequest page) {
        SiteStatus wanted = status == null || status.isBlank() ? null : SiteFields.status("status", status);
        return new SiteQuery(
                wanted,
                Validate.optionalText("group", group, SiteFields.MAX_GROUP),
                SiteFields.tagFilter(tag),
                Validate.optionalText("q", text, 200),
                Validate.optionalText("owner", owner, SiteFields.MAX_OWNER),
                page);
    }

    @POST
    public Response create(NewSite body, @Context ContainerRequestContext request) {
        SiteDto site = sites.create(body, RestActors.actor(request));
        return Response.created(URI.create("/api/v1/sites/" + site.id()))
                .entity(site)
                .build();
    }

    @GET
    @Path("summary")
    public Map<String, Object> summary() {
        Map<SiteStatus, Long> counts = sites.countByStatus();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        counts.forEach((status, count) -> byStatus.put(status.wireName(), count));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
        body.put("by_status", byStatus);
        return body;
    }

    @GET
    @Path("groups")
    public Page<GroupCount> groups() {
        List<GroupCount> groups = sites.groups();
        return new Page<>(groups, groups.size(), null);
    }

    @GET
    @Path("{id}")
    public SiteDto get(@PathParam("id") long id) {
        return sites.find(id).orElseThrow(() -> NotFoundException.of("site", id));
    }

    @PATCH
    @Path("{id}")
    public SiteDto update(@PathParam("id") long id, SiteChanges body, @Context ContainerRequestContext request) {
        return sites.update(id, body, RestActors.actor(request));
    }

    /** Disconnects the site (kept with its history), or with {@code ?purge=true} removes it and its history. */
    @DELETE
    @Path("{id}")
    public Response delete(
            @PathParam("id") long id, @QueryParam("purge") String purge, @Context ContainerRequestContext request) {
        if (Validate.flag("purge", purge, false)) {
            sites.purge(id, RestActors.actor(request));
            return Response.noContent().build();
        }
        return Response.ok(sites.disconnect(id, RestActors.actor(request))).build();
    }
}
