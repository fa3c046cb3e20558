package org.sitekeeper.uptime.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.uptime.api.SiteUptime;
import org.sitekeeper.uptime.api.UptimeService;

/** {@code /api/v1/sites/{id}/uptime}: a site's uptime page. Viewer. */
@Component(service = SiteUptimeResource.class, property = JaxRs.RESOURCE)
@Path("v1/sites/{id}/uptime")
@Produces(MediaType.APPLICATION_JSON)
public final class SiteUptimeResource {

    private final UptimeService uptime;

    @Activate
    public SiteUptimeResource(@Reference UptimeService uptime) {
        this.uptime = uptime;
    }

    @GET
    public SiteUptime get(@PathParam("id") long siteId) {
        return uptime.site(siteId);
    }
}
