package org.sitekeeper.telemetry.internal.rest;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.telemetry.internal.service.TelemetryServiceImpl;

/**
 * Beyond capacity, refuses a heartbeat or event (503 with {@code Retry-After}) before its body is read and
 * checked: at the top of the hour thousands of plugins call at once, and a refusal that costs as much as the
 * work it refuses would leave too little of the machine to answer everyone in time. The writer's own bound
 * still decides for the requests that pass here.
 */
@Component(service = LoadShedFilter.class, property = JaxRs.EXTENSION)
@ShedsLoad
@Priority(Priorities.USER)
public final class LoadShedFilter implements ContainerRequestFilter {

    private final TelemetryServiceImpl telemetry;

    @Activate
    public LoadShedFilter(@Reference TelemetryServiceImpl telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().endsWith("/event")) {
            telemetry.refuseEventsBeyondCapacity();
        } else {
            telemetry.refuseHeartbeatsBeyondCapacity();
        }
    }
}
