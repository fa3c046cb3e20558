package org.sitekeeper.notifications.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.notifications.internal.domain.AlertEvent;
import org.sitekeeper.notifications.internal.domain.RuleSpec;
import org.sitekeeper.notifications.internal.domain.SilenceSpec;
import org.sitekeeper.notifications.internal.domain.SiteFacts;
import org.sitekeeper.notifications.internal.store.StoredChannel;
import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteService;

/**
 * What routing needs on every event, cached: the rules, the silences and the channels (reloaded when this node
 * changes them, and at least every few seconds so changes made on another node apply), and site facts from the
 * site registry when it is installed.
 */
@Component(service = Routing.class)
public final class Routing {

    private static final Logger LOG = LoggerFactory.getLogger(Routing.class);
    static final Duration TTL = Duration.ofSeconds(5);
    private static final Duration SITE_TTL = Duration.ofSeconds(60);
    private static final int MAX_SITES = 50_000;

    /** A channel as routing sees it. */
    public record ChannelInfo(long id, String type, String name, boolean enabled) {}

    /** Everything routing reads, as of one moment. */
    public record Snapshot(
            List<RuleSpec> rules, List<SilenceSpec> silences, Map<Long, ChannelInfo> channels, Instant loadedAt) {

        public Optional<RuleSpec> rule(long id) {
            return rules.stream().filter(r -> r.id() == id).findFirst();
        }

        /** The first silence covering the alert at {@code at}, if any. */
        public Optional<SilenceSpec> silence(AlertEvent alert, SiteFacts site, Instant at) {
            return silences.stream().filter(s -> s.covers(alert, site, at)).findFirst();
        }
    }

    private record CachedSite(SiteFacts facts, Instant loadedAt) {}

    private final NotificationStores stores;
    private final Clock clock;
    private final Map<Long, CachedSite> sites = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;
    private volatile SiteService siteService;

    @Activate
    public Routing(@Reference NotificationStores stores, @Reference Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSiteService(SiteService service) {
        this.siteService = service;
        sites.clear();
    }

    void unsetSiteService(SiteService service) {
        if (this.siteService == service) {
            this.siteService = null;
            sites.clear();
        }
    }

    /** The current rules, silences and channels; reloaded when older than a few seconds. */
    public Snapshot snapshot() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || now.isAfter(current.loadedAt().plus(TTL)) || now.isBefore(current.loadedAt())) {
            current = load(now);
            snapshot = current;
        }
        return current;
    }

    /** Forgets the cached rules, silences and channels (after a change on this node). */
    public void invalidate() {
        snapshot = null;
    }

    private Snapshot load(Instant now) {
        List<RuleSpec> rules =
                stores.rules().list().stream().map(RuleFields::spec).toList();
        List<SilenceSpec> silences = stores.silences().list(false, now).stream()
                .map(SilenceFields::spec)
                .toList();
        Map<Long, ChannelInfo> channels = stores.channels().list().stream()
                .collect(Collectors.toUnmodifiableMap(
                        StoredChannel::id, c -> new ChannelInfo(c.id(), c.type(), c.name(), c.enabled())));
        return new Snapshot(rules, silences, channels, now);
    }

    /** What the registry knows about a site, or {@code null} for events not about one. */
    public SiteFacts site(Long siteId) {
        if (siteId == null) {
            return null;
        }
        Instant now = clock.instant();
        CachedSite cached = sites.get(siteId);
        if (cached != null && now.isBefore(cached.loadedAt().plus(SITE_TTL))) {
            return cached.facts();
        }
        SiteFacts facts = lookUp(siteId);
        if (sites.size() >= MAX_SITES) {
            sites.clear();
        }
        sites.put(siteId, new CachedSite(facts, now));
        return facts;
    }

    /** Forgets a site's cached facts (its group or tags changed). */
    public void forgetSite(long siteId) {
        sites.remove(siteId);
    }

    private SiteFacts lookUp(long siteId) {
        SiteService registry = siteService;
        if (registry == null) {
            return SiteFacts.unknown(siteId);
        }
        try {
            return registry.find(siteId).map(Routing::facts).orElseGet(() -> SiteFacts.unknown(siteId));
        } catch (RuntimeException e) {
            LOG.debug("Site {} could not be looked up", siteId, e);
            return SiteFacts.unknown(siteId);
        }
    }

    private static SiteFacts facts(SiteDto site) {
        return new SiteFacts(site.id(), site.name(), site.url(), site.group(), site.tags());
    }

    /** Looks sites up in bulk for screens that list many (id → name). */
    public Function<Long, String> siteNames() {
        return id -> id == null ? null : site(id).name();
    }
}
