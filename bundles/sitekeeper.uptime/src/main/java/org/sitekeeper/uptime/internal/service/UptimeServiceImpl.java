package org.sitekeeper.uptime.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.core.api.event.SitekeeperEvent;
import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.core.api.security.SecretBox;
import org.sitekeeper.sites.api.SiteService;
import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.DailyBar;
import org.sitekeeper.uptime.api.FailureCause;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorQuery;
import org.sitekeeper.uptime.api.MonitorSpec;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.api.MonitorType;
import org.sitekeeper.uptime.api.SiteUptime;
import org.sitekeeper.uptime.api.UptimeEvents;
import org.sitekeeper.uptime.api.UptimeOverview;
import org.sitekeeper.uptime.api.UptimeService;
import org.sitekeeper.uptime.api.UptimeStats;
import org.sitekeeper.uptime.internal.domain.CheckSchedule;
import org.sitekeeper.uptime.internal.domain.Rollup;
import org.sitekeeper.uptime.internal.domain.RollupBuckets;
import org.sitekeeper.uptime.internal.engine.CheckEngine;
import org.sitekeeper.uptime.internal.store.HistoryStore;
import org.sitekeeper.uptime.internal.store.MonitorRow;
import org.sitekeeper.uptime.internal.store.MonitorSettings;
import org.sitekeeper.uptime.internal.store.MonitorStore;

/** Uptime monitoring: monitors, checks now, history and overviews. */
@Component(
        service = {UptimeService.class, UptimeServiceImpl.class},
        configurationPid = UptimeConfig.PID)
public final class UptimeServiceImpl implements UptimeService {

    private static final long DAY = Duration.ofDays(1).toMillis();
    /** The due time of a paused monitor: never. */
    static final long PAUSED_DUE = Long.MAX_VALUE / 2;

    private final MonitorStore monitors;
    private final HistoryStore history;
    private final CheckEngine engine;
    private final MonitorValidator validator;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock;
    private volatile UptimeConfig config;
    private volatile SiteService sites;

    @Activate
    public UptimeServiceImpl(
            @Reference UptimeStores stores,
            @Reference CheckEngine engine,
            @Reference EgressPolicy policy,
            @Reference SecretBox secrets,
            @Reference AuditLog audit,
            @Reference EventAdmin events,
            @Reference Clock clock,
            UptimeConfig config) {
        this.monitors = stores.monitors();
        this.history = stores.history();
        this.engine = engine;
        this.validator = new MonitorValidator(policy);
        this.secrets = secrets;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    @Modified
    void modified(UptimeConfig changed) {
        this.config = changed;
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSiteService(SiteService service) {
        this.sites = service;
    }

    void unsetSiteService(SiteService service) {
        if (this.sites == service) {
            this.sites = null;
        }
    }

    UptimeConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- monitors

    @Override
    public MonitorDto create(MonitorSpec spec, Actor actor) {
        return audit.perform(
                actor,
                "uptime.monitor.create",
                spec == null || spec.url() == null ? "monitor" : spec.url(),
                () -> {
                    require(actor, Role.OPS);
                    if (spec == null) {
                        throw new InvalidInputException("body", "send the monitor as a JSON object with at least url");
                    }
                    MonitorValidator.Valid valid = validator.create(spec, defaults());
                    requireSite(valid.siteId());
                    return insert(valid, actor.name());
                },
                m -> "monitor:" + m.id());
    }

    @Override
    public List<Long> createAll(List<MonitorSpec> specs, Actor actor) {
        return audit.perform(
                actor,
                "uptime.monitor.import",
                (specs == null ? 0 : specs.size()) + " monitors",
                () -> {
                    require(actor, Role.OPS);
                    if (specs == null || specs.isEmpty()) {
                        throw new InvalidInputException("monitors", "send monitors as a non-empty JSON array");
                    }
                    if (specs.size() > MAX_IMPORT) {
                        throw new InvalidInputException(
                                "monitors", "one import holds at most " + MAX_IMPORT + " monitors; split it");
                    }
                    List<MonitorSettings> all = new ArrayList<>(specs.size());
                    MonitorValidator.Defaults defaults = defaults();
                    for (int i = 0; i < specs.size(); i++) {
                        MonitorSpec spec = specs.get(i);
                        try {
                            if (spec == null) {
                                throw new InvalidInputException("body", "must be a monitor object");
                            }
                            if (spec.headers() != null && !spec.headers().isEmpty()) {
                                throw new InvalidInputException(
                                        "headers", "headers cannot be imported; add them to the monitor afterwards");
                            }
                            MonitorValidator.Valid valid = validator.create(spec, defaults);
                            requireSite(valid.siteId());
                            all.add(settings(valid, null));
                        } catch (InvalidInputException e) {
                            String field = "monitors[" + i + "]." + (e.field() == null ? "body" : e.field());
                            throw new InvalidInputException(field, field + ": " + e.getMessage());
                        }
                    }
                    long now = clock.millis();
                    // an import is spread over the monitors' intervals from the start, each first check on its slot:
                    // no herd of first checks and no second check sooner than an interval after the first
                    return monitors.insertAll(all, actor.name(), now, new MonitorStore.FirstDue() {
                        @Override
                        public long at(int index) {
                            return all.get(index).enabled()
                                    ? now + all.get(index).intervalSeconds() * 1000L
                                    : PAUSED_DUE;
                        }

                        @Override
                        public boolean onGrid() {
                            return true;
                        }

                        @Override
                        public long slot(int index, long id) {
                            return all.get(index).enabled()
                                    ? CheckSchedule.nextSlot(
                                                    id, all.get(index).intervalSeconds(), Instant.ofEpochMilli(now))
                                            .toEpochMilli()
                                    : PAUSED_DUE;
                        }
                    });
                },
                ids -> ids.size() + " monitors");
    }

    private MonitorDto insert(MonitorValidator.Valid valid, String createdBy) {
        long now = clock.millis();
        long id = monitors.insert(settings(valid, null), createdBy, now, Long.MAX_VALUE / 2);
        String sealed = MonitorHeaders.seal(secrets, id, valid.headers());
        // the first check soon, spread over half a minute when many are added at once
        long first = valid.enabled()
                ? now + CheckSchedule.phaseMillis(id, Math.min(valid.intervalSeconds(), 30))
                : PAUSED_DUE;
        monitors.update(id, settings(valid, sealed), now, first);
        return find(id).orElseThrow();
    }

    private static MonitorSettings settings(MonitorValidator.Valid v, String sealedHeaders) {
        return new MonitorSettings(
                v.siteId(),
                v.name(),
                v.type().wireName(),
                v.url(),
                v.host(),
                v.method(),
                v.expectedStatus(),
                v.keyword(),
                v.keywordAbsent(),
                sealedHeaders,
                v.followRedirects(),
                v.maxResponseMs(),
                v.timeoutSeconds(),
                v.intervalSeconds(),
                v.failuresToDown(),
                v.successesToUp(),
                v.ignoreTls(),
                v.enabled());
    }

    private MonitorValidator.Defaults defaults() {
        UptimeConfig c = config;
        return new MonitorValidator.Defaults(
                clamp(c.default__interval__seconds(), MonitorValidator.MIN_INTERVAL, MonitorValidator.MAX_INTERVAL),
                clamp(c.default__timeout__seconds(), 1, MonitorValidator.MAX_TIMEOUT),
                clamp(c.default__failures__to__down(), 1, 10),
                clamp(c.default__successes__to__up(), 1, 10));
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    private void requireSite(Long siteId) {
        SiteService registry = sites;
        if (siteId != null && registry != null && registry.find(siteId).isEmpty()) {
            throw new InvalidInputException("site_id", "there is no site " + siteId);
        }
    }

    @Override
    public Optional<MonitorDto> find(long id) {
        return monitors.find(id).map(this::dto);
    }

    private MonitorDto dto(MonitorRow r) {
        Instant now = clock.instant();
        Integer daysLeft =
                r.certExpiresAt() == null ? null : (int) Math.floorDiv(r.certExpiresAt() - now.toEpochMilli(), DAY);
        Map<String, String> headers;
        try {
            headers = MonitorHeaders.open(secrets, r.id(), r.headersSealed());
        } catch (RuntimeException e) {
            headers = Map.of();
        }
        return new MonitorDto(
                r.id(),
                r.name(),
                MonitorType.parse(r.type()).orElse(MonitorType.HTTP),
                r.url(),
                r.siteId(),
                r.method(),
                r.expectedStatus(),
                r.keyword(),
                r.keywordAbsent(),
                masked(headers),
                r.followRedirects(),
                r.maxResponseMs(),
                r.timeoutSeconds(),
                r.intervalSeconds(),
                r.failuresToDown(),
                r.successesToUp(),
                r.ignoreTls(),
                r.enabled(),
                r.displayState(),
                Instant.ofEpochMilli(r.stateSince()),
                r.lastCheckAt() == null ? null : Instant.ofEpochMilli(r.lastCheckAt()),
                r.lastResponseMs(),
                r.lastStatusCode(),
                cause(r.lastCause()),
                r.lastError(),
                r.enabled() && r.nextDueAt() < PAUSED_DUE ? Instant.ofEpochMilli(r.nextDueAt()) : null,
                r.certExpiresAt() == null ? null : Instant.ofEpochMilli(r.certExpiresAt()),
                daysLeft,
                r.openIncidentId(),
                Instant.ofEpochMilli(r.createdAt()),
                Instant.ofEpochMilli(r.updatedAt()));
    }

    /** Header values are never shown again: they may be credentials. */
    private static Map<String, String> masked(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>();
        headers.keySet().forEach(name -> out.put(name, "********"));
        return out;
    }

    private static FailureCause cause(String wire) {
        if (wire == null) {
            return null;
        }
        for (FailureCause c : FailureCause.values()) {
            if (c.wireName().equals(wire)) {
                return c;
            }
        }
        return FailureCause.ERROR;
    }

    @Override
    public Page<MonitorDto> list(MonitorQuery query) {
        MonitorStore.PageOf page = monitors.list(query.state(), query.siteId(), query.text(), query.page());
        List<MonitorDto> items = page.rows().stream().map(this::dto).toList();
        String next = page.more() && !items.isEmpty()
                ? Cursors.encode(items.get(items.size() - 1).id())
                : null;
        return new Page<>(items, page.total(), next);
    }

    @Override
    public MonitorDto update(long id, MonitorSpec changes, Actor actor) {
        return audit.perform(
                actor,
                "uptime.monitor.update",
                "monitor:" + id,
                () -> {
                    require(actor, Role.OPS);
                    if (changes == null) {
                        throw new InvalidInputException("body", "send the fields to change as a JSON object");
                    }
                    MonitorRow row = monitors.find(id).orElseThrow(() -> NotFoundException.of("monitor", id));
                    MonitorValidator.Valid current = current(row);
                    if (changes.headers() != null
                            && changes.headers().values().stream().anyMatch("********"::equals)) {
                        throw new InvalidInputException(
                                "headers", "send header values in full; masked values cannot be stored");
                    }
                    MonitorValidator.Valid next = validator.change(current, changes);
                    if (changes.siteId() != null) {
                        requireSite(next.siteId());
                    }
                    long now = clock.millis();
                    Long due = null;
                    if (next.intervalSeconds() != current.intervalSeconds()
                            || (next.enabled() && !current.enabled())
                            || !next.url().equals(current.url())) {
                        due = now + CheckSchedule.phaseMillis(id, Math.min(next.intervalSeconds(), 30));
                    }
                    if (!next.enabled()) {
                        due = PAUSED_DUE; // out of the way of the leasing scan until resumed
                    }
                    monitors.update(id, settings(next, MonitorHeaders.seal(secrets, id, next.headers())), now, due);
                    if (!next.enabled() && current.enabled() && row.openIncidentId() != null) {
                        resolveOnRemoval(row, "paused");
                    }
                    return find(id).orElseThrow(() -> NotFoundException.of("monitor", id));
                },
                m -> "monitor:" + m.id());
    }

    private MonitorValidator.Valid current(MonitorRow r) {
        return new MonitorValidator.Valid(
                r.name(),
                MonitorType.parse(r.type()).orElse(MonitorType.HTTP),
                r.url(),
                r.host(),
                r.siteId(),
                r.method(),
                r.expectedStatus(),
                r.keyword(),
                r.keywordAbsent(),
                MonitorHeaders.open(secrets, r.id(), r.headersSealed()),
                r.followRedirects(),
                r.maxResponseMs(),
                r.timeoutSeconds(),
                r.intervalSeconds(),
                r.failuresToDown(),
                r.successesToUp(),
                r.ignoreTls(),
                r.enabled());
    }

    @Override
    public void delete(long id, Actor actor) {
        audit.perform(
                actor,
                "uptime.monitor.delete",
                "monitor:" + id,
                () -> {
                    require(actor, Role.OPS);
                    MonitorRow row = monitors.find(id).orElseThrow(() -> NotFoundException.of("monitor", id));
                    monitors.delete(id);
                    if (row.openIncidentId() != null) {
                        resolveOnRemoval(row, "deleted");
                    }
                    return row;
                },
                r -> "monitor:" + r.id());
    }

    /** A monitor that was down is removed or paused: its alert must not stay firing. */
    private void resolveOnRemoval(MonitorRow row, String how) {
        SitekeeperEvent event = SitekeeperEvent.of(UptimeEvents.CAPABILITY, "UP")
                .severity(Severity.INFO)
                .alertKey(UptimeEvents.alertKey(row.id()))
                .title(row.name() + " is no longer monitored")
                .message("The monitor was " + how + " while it was down.")
                .property(UptimeEvents.MONITOR_ID, row.id())
                .property(UptimeEvents.MONITOR_URL, row.url())
                .occurredAt(clock.instant());
        if (row.siteId() != null) {
            event.site(row.siteId());
        }
        events.postEvent(event.toEvent());
    }

    /** Deletes every monitor of a site (the site was removed with its history). */
    void deleteSiteMonitors(long siteId, Actor actor) {
        for (Long id : monitors.idsOfSite(siteId)) {
            try {
                delete(id, actor);
            } catch (NotFoundException gone) {
                // deleted meanwhile
            }
        }
    }

    /** Pauses or resumes every monitor of a site. */
    void setSiteMonitorsEnabled(long siteId, boolean enabled, Actor actor) {
        for (MonitorRow row : monitors.ofSite(siteId)) {
            if (row.enabled() == enabled) {
                continue;
            }
            long id = row.id();
            try {
                update(id, enabledOnly(enabled), actor);
            } catch (NotFoundException gone) {
                // deleted meanwhile
            }
        }
    }

    private static MonitorSpec enabledOnly(boolean enabled) {
        return new MonitorSpec(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                enabled);
    }

    /** Gives a site its default monitor unless it has one. */
    Optional<MonitorDto> ensureSiteMonitor(long siteId, String url, Actor actor) {
        if (!monitors.idsOfSite(siteId).isEmpty()) {
            return Optional.empty();
        }
        MonitorSpec spec = MonitorSpec.of("http", url).forSite(siteId);
        return Optional.of(create(spec, actor));
    }

    @Override
    public CheckResultDto checkNow(long id, Actor actor) {
        return audit.perform(
                actor,
                "uptime.monitor.check",
                "monitor:" + id,
                () -> {
                    if (!actor.has(Role.OPS)) {
                        throw new ForbiddenException("checking a monitor now needs the ops role");
                    }
                    return engine.checkNow(id);
                },
                r -> "monitor:" + r.monitorId());
    }

    @Override
    public List<CheckResultDto> results(long monitorId, int limit) {
        requireMonitor(monitorId);
        return history.results(monitorId, limit);
    }

    public List<Integer> responseTimes(long monitorId, int limit) {
        return history.recentResponseTimes(monitorId, limit);
    }

    private MonitorRow requireMonitor(long id) {
        return monitors.find(id).orElseThrow(() -> NotFoundException.of("monitor", id));
    }

    @Override
    public Page<IncidentDto> incidents(Long monitorId, Long siteId, boolean openOnly, PageRequest page) {
        List<IncidentDto> rows =
                history.incidents(monitorId, siteId, openOnly, page.after(), page.limit() + 1, clock.millis());
        boolean more = rows.size() > page.limit();
        List<IncidentDto> items = more ? rows.subList(0, page.limit()) : rows;
        long total = history.countIncidents(monitorId, siteId, openOnly);
        return new Page<>(
                items, total, more ? Cursors.encode(items.get(items.size() - 1).id()) : null);
    }

    @Override
    public List<UptimeStats> stats(long monitorId) {
        requireMonitor(monitorId);
        return stats(List.of(monitorId));
    }

    private List<UptimeStats> stats(List<Long> ids) {
        Instant now = clock.instant();
        long nowMs = now.toEpochMilli();
        long hour = RollupBuckets.hourStart(now).toEpochMilli();
        long day = RollupBuckets.dayStart(now).toEpochMilli();
        List<UptimeStats> out = new ArrayList<>();
        out.add(stat("24h", ids, hour - 23 * 3_600_000L, nowMs));
        out.add(stat("7d", ids, hour - (7 * 24 - 1) * 3_600_000L, nowMs));
        out.add(stat("30d", ids, day - 29 * DAY, nowMs));
        out.add(stat("365d", ids, day - 364 * DAY, nowMs));
        return out;
    }

    private UptimeStats stat(String window, List<Long> ids, long from, long now) {
        Rollup r = history.window(ids, from, now);
        return new UptimeStats(
                window,
                round(r.uptimePercent()),
                r.avgResponseMs(),
                r.p95ResponseMs(),
                r.checks(),
                history.incidentsSince(ids, from));
    }

    private static Double round(Double percent) {
        return percent == null ? null : Math.round(percent * 1000.0) / 1000.0;
    }

    @Override
    public List<DailyBar> days(long monitorId, int days) {
        requireMonitor(monitorId);
        return bars(List.of(monitorId), days);
    }

    private List<DailyBar> bars(List<Long> ids, int days) {
        Instant now = clock.instant();
        int n = Math.max(1, Math.min(days, 365));
        List<DailyBar> out = new ArrayList<>();
        for (Map.Entry<LocalDate, Rollup> e : history.daily(ids, now, n).entrySet()) {
            Rollup r = e.getValue();
            Double up = r.uptimePercent();
            long judged = r.up() + r.down();
            long span = e.getKey().equals(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))
                    ? (now.toEpochMilli() - RollupBuckets.dayStart(now).toEpochMilli()) / 1000
                    : 86_400;
            long downSeconds = judged == 0 ? 0 : Math.round(span * (double) r.down() / judged);
            out.add(new DailyBar(e.getKey(), round(up), r.avgResponseMs(), r.checks(), downSeconds));
        }
        return out;
    }

    @Override
    public SiteUptime site(long siteId) {
        List<MonitorRow> rows = monitors.ofSite(siteId);
        if (rows.isEmpty()) {
            throw new NotFoundException("site " + siteId + " has no uptime monitors");
        }
        List<Long> ids = rows.stream().map(MonitorRow::id).toList();
        List<MonitorDto> dtos = rows.stream().map(this::dto).toList();
        MonitorState worst = dtos.stream()
                .map(MonitorDto::state)
                .max(Comparator.comparingInt(UptimeServiceImpl::badness))
                .orElse(MonitorState.UNKNOWN);
        List<IncidentDto> incidents = history.incidents(null, siteId, false, 0, 20, clock.millis());
        return new SiteUptime(siteId, worst, dtos, stats(ids), incidents, bars(ids, 30));
    }

    private static int badness(MonitorState state) {
        switch (state) {
            case DOWN:
                return 3;
            case UNKNOWN:
                return 2;
            case UP:
                return 1;
            default:
                return 0;
        }
    }

    @Override
    public UptimeOverview overview() {
        Map<MonitorState, Long> states = new EnumMap<>(MonitorState.class);
        states.putAll(monitors.countByState());
        long open = history.countIncidents(null, null, true);
        List<UptimeOverview.WorstMonitor> worst = new ArrayList<>();
        long now = clock.millis();
        long from = RollupBuckets.hourStart(Instant.ofEpochMilli(now)).toEpochMilli() - 23 * 3_600_000L;
        for (MonitorState state : List.of(MonitorState.DOWN, MonitorState.UNKNOWN)) {
            if (worst.size() >= 10) {
                break;
            }
            for (MonitorDto m : list(new MonitorQuery(state, null, null, new PageRequest(10, 0)))
                    .items()) {
                if (worst.size() >= 10) {
                    break;
                }
                Rollup r = history.window(List.of(m.id()), from, now);
                worst.add(new UptimeOverview.WorstMonitor(
                        m.id(), m.name(), m.siteId(), m.state(), round(r.uptimePercent())));
            }
        }
        if (worst.size() < 10) {
            for (IncidentDto i : history.incidents(null, null, false, 0, 50, now)) {
                if (worst.size() >= 10) {
                    break;
                }
                if (worst.stream().anyMatch(w -> w.monitorId() == i.monitorId())
                        || i.startedAt().toEpochMilli() < from) {
                    continue;
                }
                Optional<MonitorDto> m = find(i.monitorId());
                if (m.isPresent()) {
                    Rollup r = history.window(List.of(i.monitorId()), from, now);
                    worst.add(new UptimeOverview.WorstMonitor(
                            i.monitorId(),
                            m.get().name(),
                            m.get().siteId(),
                            m.get().state(),
                            round(r.uptimePercent())));
                }
            }
        }
        String degraded = engine.degradedReason();
        return new UptimeOverview(states, open, worst, degraded != null, degraded);
    }

    public CheckEngine.Stats engineStats() {
        return engine.stats();
    }

    private static void require(Actor actor, Role role) {
        if (!actor.has(role)) {
            throw new ForbiddenException("changing monitors needs the " + role.wireName() + " role");
        }
    }
}
