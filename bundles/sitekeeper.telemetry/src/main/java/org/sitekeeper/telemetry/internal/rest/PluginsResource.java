package org.sitekeeper.telemetry.internal.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.AuthenticationException;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.security.HttpCredentials;
import org.sitekeeper.core.api.security.StaffAuthenticator;
import org.sitekeeper.core.api.security.StaffPrincipal;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;
import org.sitekeeper.telemetry.api.EventDto;
import org.sitekeeper.telemetry.api.Heartbeat;
import org.sitekeeper.telemetry.api.HeartbeatReply;
import org.sitekeeper.telemetry.api.InstallationDetail;
import org.sitekeeper.telemetry.api.InstallationDto;
import org.sitekeeper.telemetry.api.InstallationQuery;
import org.sitekeeper.telemetry.api.IssuedMerchantKey;
import org.sitekeeper.telemetry.api.MerchantKeyDto;
import org.sitekeeper.telemetry.api.MonitoringRun;
import org.sitekeeper.telemetry.api.NewMerchantKey;
import org.sitekeeper.telemetry.api.NewVersion;
import org.sitekeeper.telemetry.api.StatsOverview;
import org.sitekeeper.telemetry.api.TelemetryEvent;
import org.sitekeeper.telemetry.api.TelemetryService;
import org.sitekeeper.telemetry.api.ToggleChange;
import org.sitekeeper.telemetry.api.ToggleDto;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;
import org.sitekeeper.telemetry.api.VersionDto;

/**
 * {@code /api/v1/plugins}: seed 002's API. Heartbeats and events are authenticated by the merchant's API key
 * ({@code Authorization: Bearer mk_…}); the rest by staff (reads viewer, changes ops).
 */
@Component(service = PluginsResource.class, property = JaxRs.RESOURCE)
@Path("v1/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PluginsResource {

    /** {@code notify-upgrade}'s body. */
    public record NotifyRequest(String channel) {}

    /** {@code monitoring/run}'s body. */
    public record RunRequest(String kind) {}

    private final TelemetryService telemetry;
    private final StaffAuthenticator staff;

    @Activate
    public PluginsResource(@Reference TelemetryService telemetry, @Reference StaffAuthenticator staff) {
        this.telemetry = telemetry;
        this.staff = staff;
    }

    static String bearer(String authorization) {
        Optional<HttpCredentials> credentials = HttpCredentials.parse(authorization);
        if (credentials.isPresent() && credentials.get() instanceof HttpCredentials.Bearer bearer) {
            return bearer.token();
        }
        return null;
    }

    @POST
    @Path("heartbeat")
    @PermitAll
    @ShedsLoad
    public HeartbeatReply heartbeat(@HeaderParam("Authorization") String authorization, Heartbeat body) {
        return telemetry.heartbeat(bearer(authorization), body);
    }

    @POST
    @Path("event")
    @PermitAll
    @ShedsLoad
    public Map<String, String> event(@HeaderParam("Authorization") String authorization, TelemetryEvent body) {
        telemetry.event(bearer(authorization), body);
        return Map.of("status", "ok");
    }

    /** Seed 002's list: a JSON array; {@code X-Total-Count} and {@code Link} page it with {@code offset}. */
    @GET
    @Path("list")
    public Response list(
            @QueryParam("status") String status,
            @QueryParam("cms") String cms,
            @QueryParam("merchant_id") String merchantId,
            @QueryParam("q") String text,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        int size = Validate.intInRange("limit", limit, PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        int from = Validate.intInRange("offset", offset, 0, 0, Integer.MAX_VALUE);
        Page<InstallationDto> page = telemetry.list(new InstallationQuery(status, cms, merchantId, text, from, size));
        Response.ResponseBuilder response = Response.ok(page.items()).header("X-Total-Count", page.total());
        if (page.nextCursor() != null) {
            response.header(
                    "Link", "</api/v1/plugins/list?offset=" + page.nextCursor() + "&limit=" + size + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("stats/overview")
    public StatsOverview overview() {
        return telemetry.overview();
    }

    @POST
    @Path("keys")
    public Response createKey(NewMerchantKey body, @Context ContainerRequestContext request) {
        IssuedMerchantKey issued = telemetry.createKey(body, RestActors.actor(request));
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    @Path("keys")
    public List<MerchantKeyDto> keys(@QueryParam("merchant_id") String merchantId) {
        return telemetry.keys(merchantId);
    }

    @DELETE
    @Path("keys/{id}")
    public Response revokeKey(@PathParam("id") String id, @Context ContainerRequestContext request) {
        telemetry.revokeKey(id, RestActors.actor(request));
        return Response.noContent().build();
    }

    @POST
    @Path("versions")
    public Response registerVersion(NewVersion body, @Context ContainerRequestContext request) {
        VersionDto version = telemetry.registerVersion(body, RestActors.actor(request));
        return Response.created(URI.create("/api/v1/plugins/versions?cms=" + version.cms()))
                .entity(version)
                .build();
    }

    @GET
    @Path("versions")
    public List<VersionDto> versions(@QueryParam("cms") String cms) {
        return telemetry.versions(cms);
    }

    @DELETE
    @Path("versions/{cms}/{version}")
    public Response removeVersion(
            @PathParam("cms") String cms,
            @PathParam("version") String version,
            @Context ContainerRequestContext request) {
        telemetry.removeVersion(cms, version, RestActors.actor(request));
        return Response.noContent().build();
    }

    @POST
    @Path("monitoring/run")
    public MonitoringRun run(RunRequest body) {
        String kind = body == null || body.kind() == null ? "hourly" : body.kind();
        switch (Validate.oneOf("kind", kind, List.of("hourly", "daily"))) {
            case "daily":
                return telemetry.runDaily();
            default:
                return telemetry.runHourly();
        }
    }

    @GET
    @Path("notifications/{notice}")
    public UpgradeNoticeDto notice(@PathParam("notice") String id) {
        return telemetry.notice(id).orElseThrow(() -> NotFoundException.of("notification", id));
    }

    /**
     * Acknowledges an upgrade notice: by the merchant's plugin with its key ({@code Bearer mk_…}), or by staff with
     * the ops role.
     */
    @POST
    @Path("notifications/{notice}/acknowledge")
    @PermitAll
    public UpgradeNoticeDto acknowledge(
            @PathParam("notice") String id,
            @HeaderParam("Authorization") String authorization,
            @Context ContainerRequestContext request) {
        Optional<HttpCredentials> credentials = HttpCredentials.parse(authorization);
        if (credentials.isEmpty()) {
            throw new AuthenticationException("authentication required: the merchant's key or a staff login");
        }
        Object client = request.getProperty(RestActors.CLIENT_ADDRESS);
        String address = client == null ? null : client.toString();
        StaffPrincipal principal;
        if (credentials.get() instanceof HttpCredentials.Bearer bearer) {
            if (bearer.token().startsWith("mk_")) {
                return telemetry.acknowledgeAsMerchant(bearer.token(), id);
            }
            principal = staff.authenticateToken(bearer.token(), address);
        } else {
            HttpCredentials.Basic basic = (HttpCredentials.Basic) credentials.get();
            principal = staff.authenticate(basic.username(), basic.password(), address);
        }
        if (!principal.has(Role.OPS)) {
            throw new ForbiddenException(
                    "this needs the ops role; you have " + principal.role().wireName());
        }
        return telemetry.acknowledge(id, principal.actor(Actor.REST, address));
    }

    @GET
    @Path("{id}")
    public InstallationDetail get(@PathParam("id") String id) {
        return telemetry.find(id).orElseThrow(() -> NotFoundException.of("plugin", id));
    }

    @GET
    @Path("{id}/events")
    public List<EventDto> events(@PathParam("id") String id, @QueryParam("limit") String limit) {
        get(id);
        return telemetry.events(id, Validate.intInRange("limit", limit, 50, 1, 500));
    }

    @POST
    @Path("{id}/toggle")
    public ToggleDto toggle(@PathParam("id") String id, ToggleChange body, @Context ContainerRequestContext request) {
        return telemetry.setToggle(id, body, RestActors.actor(request));
    }

    @GET
    @Path("{id}/toggles")
    public List<ToggleDto> toggles(@PathParam("id") String id) {
        return telemetry.toggles(id);
    }

    @POST
    @Path("{id}/notify-upgrade")
    public Map<String, Object> notifyUpgrade(
            @PathParam("id") String id, NotifyRequest body, @Context ContainerRequestContext request) {
        List<UpgradeNoticeDto> sent =
                telemetry.notifyUpgrade(id, body == null ? null : body.channel(), RestActors.actor(request));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("message", "Notification sent");
        reply.put("notifications", sent);
        return reply;
    }

    @GET
    @Path("{id}/notifications")
    public List<UpgradeNoticeDto> notices(@PathParam("id") String id) {
        return telemetry.notices(id);
    }
}
