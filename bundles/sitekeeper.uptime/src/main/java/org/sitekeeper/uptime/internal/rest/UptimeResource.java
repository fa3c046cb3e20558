package org.sitekeeper.uptime.internal.rest;

import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.MetricsText;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.MonitorQuery;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.api.UptimeOverview;
import org.sitekeeper.uptime.internal.engine.CheckEngine;
import org.sitekeeper.uptime.internal.metrics.UptimeFamilies;
import org.sitekeeper.uptime.internal.service.UptimeServiceImpl;

/** {@code /api/v1/uptime}: the fleet overview, incidents and the check engine's own numbers. Viewer. */
@Component(service = UptimeResource.class, property = JaxRs.RESOURCE)
@Path("v1/uptime")
@Produces(MediaType.APPLICATION_JSON)
public final class UptimeResource {

    private final UptimeServiceImpl uptime;

    @Activate
    public UptimeResource(@Reference UptimeServiceImpl uptime) {
        this.uptime = uptime;
    }

    @GET
    public Map<String, Object> overview() {
        UptimeOverview overview = uptime.overview();
        Map<String, Long> states = new LinkedHashMap<>();
        for (MonitorState state : MonitorState.values()) {
            states.put(state.wireName(), overview.states().getOrDefault(state, 0L));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", states.values().stream().mapToLong(Long::longValue).sum());
        body.put("up", states.get("up"));
        body.put("down", states.get("down"));
        body.put("unknown", states.get("unknown"));
        body.put("paused", states.get("paused"));
        body.put("open_incidents", overview.openIncidents());
        body.put("degraded", overview.degraded());
        body.put("degraded_reason", overview.degradedReason());
        body.put("worst", overview.worst());
        body.put("engine", uptime.engineStats());
        return body;
    }

    /** The check engine of this node: checks, dispatch lag, slots in use. */
    @GET
    @Path("engine")
    public CheckEngine.Stats engine() {
        return uptime.engineStats();
    }

    /**
     * Monitors and the engine in the Prometheus text format, for a scraper with a viewer token. Kept with its
     * original names and units; the hub's {@code /metrics} serves the same numbers in base units. Written page by
     * page, so 100,000 monitors never sit in memory at once.
     */
    @GET
    @Path("metrics")
    @Produces(MetricsText.CONTENT_TYPE)
    public StreamingOutput metrics() {
        CheckEngine.Stats engine = uptime.engineStats();
        return output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            try {
                UptimeFamilies.write(
                        MetricsText.writer(writer),
                        UptimeFamilies.paged(page -> uptime.list(MonitorQuery.all(page))),
                        engine,
                        UptimeFamilies.Units.LEGACY);
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the client went away
            }
            writer.flush();
        };
    }

    @GET
    @Path("incidents")
    public Page<IncidentDto> incidents(
            @QueryParam("open") String open,
            @QueryParam("monitor_id") String monitorId,
            @QueryParam("site_id") String siteId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return uptime.incidents(
                id("monitor_id", monitorId),
                id("site_id", siteId),
                Validate.flag("open", open, false),
                PageRequest.parse(limit, cursor));
    }

    static Long id(String field, String value) {
        return value == null || value.isBlank()
                ? null
                : (long) Validate.intInRange(field, value, 0, 1, Integer.MAX_VALUE);
    }
}
