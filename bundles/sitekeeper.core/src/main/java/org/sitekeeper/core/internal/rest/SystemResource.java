package org.sitekeeper.core.internal.rest;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.RoleNames;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.cluster.NodeIdentity;
import org.sitekeeper.core.api.health.Capability;
import org.sitekeeper.core.api.health.ComponentHealth;
import org.sitekeeper.core.api.health.HealthStatus;
import org.sitekeeper.core.api.health.HubHealth;
import org.sitekeeper.core.api.health.HubHealthReport;
import org.sitekeeper.core.api.persistence.SchemaMigrator;
import org.sitekeeper.core.api.scheduling.JobInfo;
import org.sitekeeper.core.api.scheduling.JobScheduler;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.rest.api.RestActors;

/** {@code /api/v1/system}: health and ping (public), info and scheduled jobs. */
@Component(service = SystemResource.class, property = JaxRs.RESOURCE)
@Path("v1/system")
@Produces(MediaType.APPLICATION_JSON)
public final class SystemResource {

    private static final Map<String, String> PING = Map.of("status", "ok");

    private final HubHealth health;
    private final JobScheduler jobs;
    private final SchemaMigrator database;
    private final AuditLog audit;
    private final NodeIdentity node;
    private final String version;

    @Activate
    public SystemResource(
            BundleContext context,
            @Reference HubHealth health,
            @Reference JobScheduler jobs,
            @Reference SchemaMigrator database,
            @Reference AuditLog audit,
            @Reference NodeIdentity node) {
        this.health = health;
        this.jobs = jobs;
        this.database = database;
        this.audit = audit;
        this.node = node;
        this.version = HubVersion.of(context.getBundle().getVersion());
    }

    /** The hub's health: 200 when UP or DEGRADED, 503 when DOWN. */
    @GET
    @Path("health")
    @PermitAll
    public Response health() {
        HubHealthReport report = health.report();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.status().name());
        body.put("database", part(report.database()));
        body.put("scheduler", part(report.scheduler()));
        Map<String, Object> capabilities = new LinkedHashMap<>();
        report.capabilities().forEach(c -> capabilities.put(c.name(), part(c)));
        body.put("capabilities", capabilities);
        body.put("checked_at", report.checkedAt());
        int status = report.status() == HealthStatus.DOWN ? 503 : 200;
        return Response.status(status).entity(body).build();
    }

    /**
     * Answers {@code {"status":"ok"}} and does nothing else: no credentials, no database, no state. The baseline
     * for benchmarks (what the HTTP stack and Jersey alone cost) and a liveness probe that only asks "is the
     * REST API serving?".
     */
    @GET
    @Path("ping")
    @PermitAll
    public Map<String, String> ping() {
        return PING;
    }

    static Map<String, Object> part(ComponentHealth health) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("status", health.status().name());
        part.put("detail", health.detail());
        return part;
    }

    @GET
    @Path("info")
    @RolesAllowed(RoleNames.VIEWER)
    public Map<String, Object> info() {
        long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("node", node.id());
        body.put(
                "started_at",
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        body.put("uptime_seconds", Duration.ofMillis(uptimeMillis).toSeconds());
        body.put("database", database.databaseVendor());
        body.put("java_version", System.getProperty("java.version"));
        body.put("karaf_version", System.getProperty("karaf.version"));
        List<Map<String, Object>> installed =
                health.capabilities().stream().map(SystemResource::capability).toList();
        body.put("capabilities", installed);
        return body;
    }

    private static Map<String, Object> capability(Capability capability) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", capability.name());
        entry.put("title", capability.title());
        entry.put("feature", "sitekeeper-" + capability.name());
        return entry;
    }

    @GET
    @Path("jobs")
    @RolesAllowed(RoleNames.VIEWER)
    public Page<JobInfo> jobs() {
        List<JobInfo> all = jobs.jobs();
        return new Page<>(all, all.size(), null);
    }

    @POST
    @Path("jobs/{name}/run")
    @RolesAllowed(RoleNames.ADMIN)
    public Response run(@PathParam("name") String name, @Context ContainerRequestContext request) {
        jobs.runNow(name);
        audit.record(RestActors.actor(request), "job.run", "job:" + name, AuditOutcome.SUCCESS, null);
        return Response.accepted(Map.of("job", name, "status", "started")).build();
    }
}
