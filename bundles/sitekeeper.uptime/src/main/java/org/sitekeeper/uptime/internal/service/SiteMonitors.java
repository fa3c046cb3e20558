package org.sitekeeper.uptime.internal.service;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.error.SitekeeperException;
import org.sitekeeper.core.api.event.EventProperties;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteEvents;
import org.sitekeeper.sites.api.SiteQuery;
import org.sitekeeper.sites.api.SiteService;
import org.sitekeeper.sites.api.SiteStatus;

/**
 * Keeps monitors in step with the site registry: every active site gets a monitor of its URL (when
 * {@code site_monitors} is on), a disconnected site's monitors pause, a removed site's monitors go with it. On
 * activation it catches up with sites added while uptime was not installed.
 */
@Component(immediate = true, property = EventConstants.EVENT_TOPIC + "=sitekeeper/sites/*")
public final class SiteMonitors implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SiteMonitors.class);
    private static final Actor SYSTEM = Actor.system("uptime");

    private final UptimeServiceImpl uptime;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sitekeeper-uptime-site-monitors");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public SiteMonitors(@Reference UptimeServiceImpl uptime) {
        this.uptime = uptime;
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSiteService(SiteService sites) {
        // not on the binding thread: the registry may hold thousands of sites
        background.execute(() -> catchUp(sites));
    }

    @Deactivate
    void deactivate() {
        background.shutdownNow();
    }

    void unsetSiteService(SiteService sites) {
        // nothing to undo: monitors stay
    }

    private void catchUp(SiteService sites) {
        if (!uptime.config().site__monitors()) {
            return;
        }
        try {
            PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, 0);
            int added = 0;
            while (true) {
                Page<SiteDto> batch = sites.list(new SiteQuery(SiteStatus.ACTIVE, null, null, null, null, page));
                for (SiteDto site : batch.items()) {
                    if (ensure(site.id(), site.url())) {
                        added++;
                    }
                }
                if (batch.nextCursor() == null || batch.items().isEmpty()) {
                    break;
                }
                page = new PageRequest(
                        PageRequest.MAX_LIMIT,
                        batch.items().get(batch.items().size() - 1).id());
            }
            if (added > 0) {
                LOG.info("Added uptime monitors for {} active sites", added);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not give every active site a monitor: {}", e.toString());
        }
    }

    /** On the one background thread, after the catch-up: a site never gets two monitors from a race. */
    @Override
    public void handleEvent(Event event) {
        background.execute(() -> follow(event));
    }

    private void follow(Event event) {
        Object idValue = event.getProperty(EventProperties.SITE_ID);
        if (!(idValue instanceof Number)) {
            return;
        }
        long siteId = ((Number) idValue).longValue();
        String status = String.valueOf(event.getProperty(SiteEvents.STATUS));
        try {
            if (SiteEvents.REMOVED.equals(event.getTopic())) {
                if (Boolean.TRUE.equals(event.getProperty(SiteEvents.PURGED))) {
                    uptime.deleteSiteMonitors(siteId, SYSTEM);
                } else {
                    uptime.setSiteMonitorsEnabled(siteId, false, SYSTEM);
                }
            } else if (SiteStatus.ACTIVE.wireName().equals(status)
                    && (SiteEvents.ADDED.equals(event.getTopic()) || SiteEvents.UPDATED.equals(event.getTopic()))
                    && uptime.config().site__monitors()) {
                // a site active again gets its monitors back; a new one gets its monitor
                uptime.setSiteMonitorsEnabled(siteId, true, SYSTEM);
                ensure(siteId, String.valueOf(event.getProperty(SiteEvents.URL)));
            } else if (SiteStatus.DISCONNECTED.wireName().equals(status)) {
                uptime.setSiteMonitorsEnabled(siteId, false, SYSTEM);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not follow {} of site {} with its monitors: {}", event.getTopic(), siteId, e.toString());
        }
    }

    private boolean ensure(long siteId, String url) {
        try {
            return uptime.ensureSiteMonitor(siteId, url, SYSTEM).isPresent();
        } catch (SitekeeperException refused) {
            LOG.info("Site {} gets no uptime monitor: {}", siteId, refused.getMessage());
            return false;
        }
    }
}
