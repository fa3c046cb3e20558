package org.sitekeeper.notifications.internal.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.notifications.internal.intake.Intake;
import org.sitekeeper.notifications.internal.outbox.Dispatcher;
import org.sitekeeper.notifications.internal.service.NotificationStores;
import org.sitekeeper.notifications.internal.store.Outbox;
import org.sitekeeper.rest.api.JaxRs;

/**
 * {@code GET /api/v1/notifications/stats}: how intake and sending are doing on this node (counters since it
 * started) and the outbox as a whole, for monitoring and benchmarks. Viewer.
 */
@Component(service = StatsResource.class, property = JaxRs.RESOURCE)
@Path("v1/notifications/stats")
@Produces(MediaType.APPLICATION_JSON)
public final class StatsResource {

    private final Intake intake;
    private final Dispatcher dispatcher;
    private final NotificationStores stores;
    private final Clock clock;

    @Activate
    public StatsResource(
            @Reference Intake intake,
            @Reference Dispatcher dispatcher,
            @Reference NotificationStores stores,
            @Reference Clock clock) {
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.stores = stores;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> stats() {
        Instant now = clock.instant();
        Intake.Stats in = intake.stats();
        Dispatcher.Stats out = dispatcher.stats();
        Outbox.Stats box = stores.outbox().stats(now, now.minus(Duration.ofHours(24)));
        Map<String, Object> intakeStats = new LinkedHashMap<>();
        intakeStats.put("received", in.received());
        intakeStats.put("written", in.written());
        intakeStats.put("dropped", in.dropped());
        intakeStats.put("rejected", in.rejected());
        intakeStats.put("queued", in.queued());
        intakeStats.put("capacity", in.capacity());
        intakeStats.put("last_error", in.lastError());
        Map<String, Object> sending = new LinkedHashMap<>();
        sending.put("attempts", out.attempts());
        sending.put("delivered", out.delivered());
        sending.put("retried", out.retried());
        sending.put("failed", out.failed());
        sending.put("in_flight", out.inFlight());
        sending.put("last_error", out.lastError());
        Map<String, Object> outbox = new LinkedHashMap<>();
        outbox.put("pending", box.pending());
        outbox.put("due", box.due());
        outbox.put("oldest_due", box.oldestDue());
        outbox.put("delivered_24h", box.deliveredSince());
        outbox.put("failed_24h", box.failedSince());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intake", intakeStats);
        body.put("sending", sending);
        body.put("outbox", outbox);
        return body;
    }
}
