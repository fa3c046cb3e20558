package org.sitekeeper.telemetry.internal.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.error.AuthenticationException;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.error.RateLimitedException;
import org.sitekeeper.core.api.error.SitekeeperException;
import org.sitekeeper.core.api.error.UnavailableException;
import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.core.api.metrics.LatencyWindow;
import org.sitekeeper.core.api.security.KeyHasher;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.notifications.api.DirectNotification;
import org.sitekeeper.notifications.api.NotificationService;
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
import org.sitekeeper.telemetry.api.TelemetryEvents;
import org.sitekeeper.telemetry.api.TelemetryService;
import org.sitekeeper.telemetry.api.ToggleChange;
import org.sitekeeper.telemetry.api.ToggleDto;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;
import org.sitekeeper.telemetry.api.VersionDto;
import org.sitekeeper.telemetry.internal.domain.ErrorRate;
import org.sitekeeper.telemetry.internal.domain.InstallStatus;
import org.sitekeeper.telemetry.internal.domain.RateLimiter;
import org.sitekeeper.telemetry.internal.domain.Scrubber;
import org.sitekeeper.telemetry.internal.domain.SiteKeys;
import org.sitekeeper.telemetry.internal.domain.ToggleKey;
import org.sitekeeper.telemetry.internal.domain.UpgradeType;
import org.sitekeeper.telemetry.internal.domain.Version;
import org.sitekeeper.telemetry.internal.domain.VersionRegistry;
import org.sitekeeper.telemetry.internal.store.BatchWriter;
import org.sitekeeper.telemetry.internal.store.EventWrite;
import org.sitekeeper.telemetry.internal.store.HeartbeatWrite;
import org.sitekeeper.telemetry.internal.store.InstallationRow;
import org.sitekeeper.telemetry.internal.store.InstallationStore;
import org.sitekeeper.telemetry.internal.store.KeyStore.KeyRow;
import org.sitekeeper.telemetry.internal.store.TelemetryStores;
import org.sitekeeper.telemetry.internal.store.ToggleStore.ToggleRow;
import org.sitekeeper.telemetry.internal.store.VersionStore.VersionRow;

/**
 * Plugin telemetry. Heartbeats and events are checked against in-memory copies of keys, installations, versions,
 * toggles and pending notices (reloaded every few seconds for changes made on other nodes), then written in batches
 * by one writer each; a caller is answered once its batch is committed.
 */
@Component(
        service = {TelemetryService.class, TelemetryServiceImpl.class},
        configurationPid = TelemetryConfig.PID)
@Designate(ocd = TelemetryConfig.class)
public final class TelemetryServiceImpl implements TelemetryService {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryServiceImpl.class);
    private static final String KEY_PREFIX = "mk_";
    private static final int SERVER_INFO_MAX = 4000;
    private static final int EVENT_DATA_MAX = 16000;
    private static final int STACK_TRACE_MAX = 8000;
    private static final int NEGATIVE_CACHE = 10_000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final TelemetryStores stores;
    private final KeyHasher hasher;
    private final AuditLog audit;
    private final EventAdmin events;
    private final TelemetryConfig config;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    private volatile NotificationService notifications;

    private final Map<String, KeyRow> keysByHash = new ConcurrentHashMap<>();
    private final Map<String, Long> unknownKeys = new ConcurrentHashMap<>();
    private final Map<String, String> index = new ConcurrentHashMap<>();
    private volatile Map<String, VersionRegistry> registries = Map.of();
    private volatile Map<String, List<ToggleRow>> toggles = Map.of();
    private volatile Map<String, List<UpgradeNoticeDto>> pendingNotices = Map.of();
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    /**
     * Per installation, the fingerprint of the profile (versions, environment, server) last committed by a
     * heartbeat of this node: a heartbeat that reports the same writes only its own columns. Nothing else writes
     * those columns, and an installation unknown here is written whole.
     */
    private final Map<String, Profiles.Written> profiles = new ConcurrentHashMap<>();
    /**
     * How long a profile written by this node is trusted to be the stored one. Forever on embedded Derby (one
     * node); on PostgreSQL another node may have written another profile of the same installation meanwhile, so
     * a profile is written whole again after a few minutes.
     */
    private final long profileTrustMillis;

    private static final VersionRegistry NO_RELEASES = new VersionRegistry(List.of());

    private final LatencyWindow heartbeatLatency = new LatencyWindow(8192);
    private final BatchWriter<HeartbeatWrite, String> heartbeatWriter;
    private final BatchWriter<EventWrite, Boolean> eventWriter;
    private final ScheduledExecutorService background;
    private final Monitoring monitoring;

    @Activate
    public TelemetryServiceImpl(
            @Reference TelemetryDatabase database,
            @Reference KeyHasher hasher,
            @Reference AuditLog audit,
            @Reference EventAdmin events,
            @Reference Clock clock,
            TelemetryConfig config) {
        this(database.stores(), hasher, audit, events, clock, config);
    }

    /** Also the tests' way in; package-private so that SCR sees one public constructor only. */
    TelemetryServiceImpl(
            TelemetryStores stores,
            KeyHasher hasher,
            AuditLog audit,
            EventAdmin events,
            Clock clock,
            TelemetryConfig config) {
        this.stores = stores;
        this.hasher = hasher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.config = config;
        this.profileTrustMillis = stores.db().postgres() ? Duration.ofMinutes(5).toMillis() : Long.MAX_VALUE / 2;
        this.heartbeatWriter = new BatchWriter<>(
                "heartbeats",
                config.queue__capacity(),
                config.batch__size(),
                Math.max(1, config.writer__threads()),
                HeartbeatWrite::id,
                stores.installations()::write);
        this.eventWriter = new BatchWriter<>(
                "events", Math.max(8, config.queue__capacity() / 4), config.batch__size(), stores.events()::write);
        this.monitoring = new Monitoring(this, stores, events, clock, config);
        for (InstallationStore.IndexRow row : stores.installations().index()) {
            index.put(installKey(row.merchantId(), row.cms(), row.siteKey()), row.id());
        }
        refresh();
        heartbeatWriter.start();
        eventWriter.start();
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sitekeeper-telemetry-refresh");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, config.refresh__seconds());
        background.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.SECONDS);
        LOG.info("Telemetry started: {} installations, {} keys", index.size(), keysByHash.size());
    }

    @Deactivate
    void deactivate() {
        background.shutdownNow();
        monitoring.close();
        heartbeatWriter.stop(Duration.ofSeconds(10));
        eventWriter.stop(Duration.ofSeconds(10));
    }

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindNotifications(NotificationService service) {
        this.notifications = service;
    }

    void unbindNotifications(NotificationService service) {
        if (this.notifications == service) {
            this.notifications = null;
        }
    }

    // ---------------------------------------------------------------- caches

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Telemetry caches could not be reloaded: {}", e.getMessage());
        }
    }

    /** Reloads keys, versions, toggles and pending in-app notices (changes of other nodes show within seconds). */
    void refresh() {
        Map<String, KeyRow> keys = new HashMap<>();
        for (KeyRow k : stores.keys().all()) {
            keys.put(k.keyHash(), k);
        }
        keysByHash.putAll(keys);
        keysByHash.keySet().retainAll(keys.keySet());
        reloadVersions();
        reloadToggles();
        reloadNotices();
        unknownKeys.clear();
    }

    private void reloadVersions() {
        Map<String, List<VersionRegistry.Release>> byCms = new HashMap<>();
        for (VersionRow v : stores.versions().all()) {
            Version.parse(v.version()).ifPresent(parsed -> byCms.computeIfAbsent(v.cms(), c -> new ArrayList<>())
                    .add(new VersionRegistry.Release(parsed, v.isLatest(), v.isSecurity())));
        }
        Map<String, VersionRegistry> next = new HashMap<>();
        byCms.forEach((cms, releases) -> next.put(cms, new VersionRegistry(releases)));
        registries = Map.copyOf(next);
    }

    private void reloadToggles() {
        Map<String, List<ToggleRow>> next = new HashMap<>();
        for (ToggleRow t : stores.toggles().unexpired(clock.instant())) {
            next.computeIfAbsent(t.installationId(), k -> new ArrayList<>()).add(t);
        }
        toggles = next;
    }

    private void reloadNotices() {
        Map<String, List<UpgradeNoticeDto>> next = new HashMap<>();
        for (UpgradeNoticeDto n : stores.notices().pendingInApp()) {
            next.computeIfAbsent(n.pluginId(), k -> new ArrayList<>()).add(n);
        }
        pendingNotices = next;
    }

    VersionRegistry registry(String cms) {
        return registries.getOrDefault(cms, NO_RELEASES);
    }

    Map<String, List<ToggleRow>> toggleCache() {
        return toggles;
    }

    // ---------------------------------------------------------------- plugin side

    @Override
    public HeartbeatReply heartbeat(String apiKey, Heartbeat request) {
        long start = System.nanoTime();
        KeyRow key = authenticate(apiKey);
        Heartbeat body = Validate.body(request);
        String merchantId = ownMerchant(key, body.merchantId());
        String cms = Fields.cms(body.cms());
        String version = Fields.version("plugin_version", body.pluginVersion());
        String siteUrl = Fields.siteUrl("site_url", body.siteUrl(), false);
        String sdk = Validate.optionalText("sdk_language", body.sdkLanguage(), 40);
        String environment = Fields.environment(body.environment());
        String php = Validate.optionalText("php_version", body.phpVersion(), 64);
        String wordpress = Validate.optionalText("wordpress_version", body.wordpressVersion(), 64);
        Double errors = Fields.errorsLastHour(body.errorsLastHour());
        String serverInfo = serverInfo(body.serverInfo());

        Instant now = clock.instant();
        Resolved install = resolve(merchantId, cms, siteUrl, true);
        limit(install.id());
        boolean blocked = inForce(install.id(), ToggleKey.BLOCK_PLUGIN, now);
        boolean outdated = registry(cms).isOutdated(version);
        String status = InstallStatus.of(blocked, now, now, Duration.ofHours(1), outdated)
                .wireName();
        HeartbeatWrite write = new HeartbeatWrite(
                install.id(),
                install.isNew(),
                merchantId,
                cms,
                SiteKeys.key(siteUrl),
                siteUrl,
                version,
                sdk,
                environment,
                php,
                wordpress,
                serverInfo,
                errors,
                status,
                now.toEpochMilli());
        long profile = Profiles.fingerprint(siteUrl, version, sdk, environment, php, wordpress, serverInfo);
        Profiles.Written written = profiles.get(install.id());
        if (written != null && written.fingerprint() == profile && now.toEpochMilli() < written.fullUntil()) {
            write.profileUnchanged();
        }
        String id = await(heartbeatWriter.submit(write));
        if (write.profileChanged() || written == null) {
            profiles.put(id, new Profiles.Written(profile, now.toEpochMilli() + profileTrustMillis));
        }
        if (!id.equals(install.id())) {
            index.put(installKey(merchantId, cms, SiteKeys.key(siteUrl)), id);
        }
        HeartbeatReply reply =
                new HeartbeatReply("ok", id, toggleReply(id, now), pendingNotices.getOrDefault(id, List.of()));
        heartbeatLatency.record(System.nanoTime() - start);
        return reply;
    }

    /** 503 with {@code Retry-After} while the heartbeat writer is full (before a heartbeat is read). */
    public void refuseHeartbeatsBeyondCapacity() {
        heartbeatWriter.refuseWhenFull();
    }

    /** 503 with {@code Retry-After} while the event writer is full (before an event is read). */
    public void refuseEventsBeyondCapacity() {
        eventWriter.refuseWhenFull();
    }

    @Override
    public void event(String apiKey, TelemetryEvent request) {
        KeyRow key = authenticate(apiKey);
        TelemetryEvent body = Validate.body(request);
        String merchantId = ownMerchant(key, body.merchantId());
        String cms = Fields.cms(body.cms());
        String siteUrl = Fields.siteUrl("site_url", body.siteUrl(), false);
        String eventId = Validate.optionalText("event_id", body.eventId(), 100);
        String type = Validate.oneOf(
                "event_type", Validate.requiredText("event_type", body.eventType(), 20), Fields.EVENT_TYPES);
        String severity = body.severity() == null || body.severity().isBlank()
                ? defaultSeverity(type)
                : Validate.oneOf("severity", body.severity().strip(), Fields.SEVERITIES);
        Instant now = clock.instant();
        Instant occurred = Fields.optionalInstant("occurred_at", body.occurredAt());
        String data = eventData(body.eventData());
        String stack = Scrubber.text(
                Validate.optionalMultilineText("stack_trace", cap(body.stackTrace()), 65_536), STACK_TRACE_MAX);

        Resolved install = resolve(merchantId, cms, siteUrl, false);
        limit(install.id());
        await(eventWriter.submit(new EventWrite(
                install.id(),
                eventId,
                type,
                severity,
                ErrorRate.isFailure(type, severity),
                data,
                stack,
                (occurred == null ? now : occurred).toEpochMilli(),
                now.toEpochMilli())));
    }

    private static String cap(String text) {
        return text == null || text.length() <= 65_536 ? text : text.substring(0, 65_536);
    }

    private static String defaultSeverity(String type) {
        switch (type) {
            case "payment_failed":
            case "error":
                return "error";
            case "warning":
                return "warning";
            default:
                return "info";
        }
    }

    @Override
    public UpgradeNoticeDto acknowledgeAsMerchant(String apiKey, String noticeId) {
        KeyRow key = authenticate(apiKey);
        UpgradeNoticeDto notice = notice(noticeId).orElseThrow(() -> NotFoundException.of("notification", noticeId));
        if (!notice.merchantId().equals(key.merchantId())) {
            throw new ForbiddenException("this notification belongs to another merchant");
        }
        return acknowledged(notice, "merchant:" + key.merchantId());
    }

    /** The key's row, or 401. Unknown keys are looked up in the database (another node may have issued them). */
    KeyRow authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new AuthenticationException("a merchant API key is required: Authorization: Bearer mk_…");
        }
        if (apiKey.length() > 200 || !apiKey.startsWith(KEY_PREFIX)) {
            throw new AuthenticationException("the API key is not valid");
        }
        String hash = hasher.hash(apiKey);
        KeyRow row = keysByHash.get(hash);
        if (row == null && !unknownKeys.containsKey(hash)) {
            row = stores.keys().byHash(hash).orElse(null);
            if (row != null) {
                keysByHash.put(hash, row);
            } else if (unknownKeys.size() < NEGATIVE_CACHE) {
                unknownKeys.put(hash, System.nanoTime());
            }
        }
        if (row == null || row.revokedAt() != null || !hasher.matches(apiKey, row.keyHash())) {
            throw new AuthenticationException("the API key is not valid");
        }
        return row;
    }

    private static String ownMerchant(KeyRow key, String given) {
        String merchantId = Fields.merchantId(given);
        if (!merchantId.equals(key.merchantId())) {
            throw new ForbiddenException("this API key belongs to another merchant than " + merchantId);
        }
        return merchantId;
    }

    private record Resolved(String id, boolean isNew) {}

    private Resolved resolve(String merchantId, String cms, String siteUrl, boolean forHeartbeat) {
        String siteKey = SiteKeys.key(siteUrl);
        String key = installKey(merchantId, cms, siteKey);
        String id = index.get(key);
        if (id != null) {
            return new Resolved(id, false);
        }
        // Embedded Derby has one node, whose index was loaded whole at start and learns every installation it
        // stores: one it does not know is new. On PostgreSQL another node may have stored it: ask the database.
        // (Were it stored meanwhile, the writer finds it by its unique key and updates it under its id.)
        Optional<String> stored =
                stores.db().postgres() ? stores.installations().idOf(merchantId, cms, siteKey) : Optional.empty();
        if (stored.isPresent()) {
            index.put(key, stored.get());
            return new Resolved(stored.get(), false);
        }
        String fresh = UUID.randomUUID().toString();
        if (!forHeartbeat) {
            // an event before the first heartbeat: the installation is stored now, bare
            String storedId =
                    stores.installations().insertBare(fresh, merchantId, cms, siteKey, siteUrl, clock.millis());
            String won = index.putIfAbsent(key, storedId);
            return new Resolved(won == null ? storedId : won, false);
        }
        String won = index.putIfAbsent(key, fresh);
        return won == null ? new Resolved(fresh, true) : new Resolved(won, false);
    }

    private static String installKey(String merchantId, String cms, String siteKey) {
        return merchantId + '\u0000' + cms + '\u0000' + siteKey;
    }

    private void limit(String installationId) {
        Instant now = clock.instant();
        ToggleRow limit = inForceRow(installationId, ToggleKey.RATE_LIMIT, now);
        if (limit == null || !limit.value()) {
            limiters.remove(installationId);
            return;
        }
        int rate =
                limit.ratePerMinute() != null ? limit.ratePerMinute() : Math.max(1, config.rate__limit__per__minute());
        RateLimiter limiter = limiters.compute(
                installationId,
                (id, old) -> old != null && old.perMinute() == rate ? old : new RateLimiter(rate, System.nanoTime()));
        Optional<Duration> wait = limiter.acquire(System.nanoTime());
        if (wait.isPresent()) {
            throw new RateLimitedException(
                    "this installation is rate limited to " + rate + " requests a minute", wait.get());
        }
    }

    private boolean inForce(String installationId, ToggleKey key, Instant now) {
        ToggleRow row = inForceRow(installationId, key, now);
        return row != null && row.value();
    }

    /** The newest setting of {@code key} for the installation, when it has not expired. */
    private ToggleRow inForceRow(String installationId, ToggleKey key, Instant now) {
        ToggleRow newest = null;
        for (ToggleRow t : toggles.getOrDefault(installationId, List.of())) {
            if (t.key().equals(key.wireName()) && (newest == null || t.id() > newest.id())) {
                newest = t;
            }
        }
        return newest != null && (newest.expiresAt() == null || now.isBefore(newest.expiresAt())) ? newest : null;
    }

    /** The heartbeat reply's {@code toggles}: every key, true while its newest unexpired setting is true. */
    Map<String, Boolean> toggleReply(String installationId, Instant now) {
        Map<String, Boolean> reply = new LinkedHashMap<>();
        for (ToggleKey key : ToggleKey.values()) {
            reply.put(key.wireName(), inForce(installationId, key, now));
        }
        return reply;
    }

    private <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(Math.max(1, config.write__timeout__seconds()), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new UnavailableException("the write is taking too long; try again shortly", Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted", Duration.ofSeconds(1));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SitekeeperException known) {
                throw known;
            }
            throw new UnavailableException(
                    "the database could not store it (" + e.getCause().getMessage() + "); try again shortly",
                    Duration.ofSeconds(5));
        }
    }

    private String serverInfo(Map<String, Object> info) {
        if (info == null || info.isEmpty()) {
            return null;
        }
        String text = toJson(Scrubber.data(info, 500));
        if (text.length() > SERVER_INFO_MAX) {
            throw new InvalidInputException(
                    "server_info", "server_info is larger than " + SERVER_INFO_MAX + " characters as JSON");
        }
        return text;
    }

    private String eventData(Map<String, Object> data) {
        if (data == null || data.isEmpty()) {
            return null;
        }
        String text = toJson(Scrubber.data(data, 2000));
        if (text.length() > EVENT_DATA_MAX) {
            Map<String, Object> cut = new LinkedHashMap<>();
            cut.put("truncated", true);
            cut.put("original_size", text.length());
            return toJson(cut);
        }
        return text;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "the data cannot be stored as JSON: " + e.getOriginalMessage());
        }
    }

    private Map<String, Object> fromJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", true);
        }
    }

    // ---------------------------------------------------------------- staff: installations

    @Override
    public Page<InstallationDto> list(InstallationQuery query) {
        String status = query.status() == null || query.status().isBlank()
                ? null
                : Validate.oneOf("status", query.status().strip(), List.of("active", "outdated", "blocked", "error"));
        String merchant = query.merchantId() == null || query.merchantId().isBlank()
                ? null
                : Fields.merchantId(query.merchantId());
        InstallationStore.Filter filter = new InstallationStore.Filter(
                status, Fields.optionalCms(query.cms()), merchant, Validate.optionalText("q", query.text(), 200));
        long total = stores.installations().count(filter);
        List<InstallationDto> items = stores.installations().list(filter, query.offset(), query.limit()).stream()
                .map(this::dto)
                .toList();
        long next = query.offset() + items.size();
        return new Page<>(items, total, next < total ? Long.toString(next) : null);
    }

    @Override
    public Optional<InstallationDetail> find(String id) {
        return stores.installations()
                .find(id)
                .map(row -> new InstallationDetail(
                        dto(row),
                        events(id, 20),
                        activeToggles(id),
                        stores.notices().of(id)));
    }

    private InstallationRow row(String id) {
        return stores.installations().find(id).orElseThrow(() -> NotFoundException.of("plugin", id));
    }

    @Override
    public List<EventDto> events(String id, int limit) {
        return stores.events().recent(id, limit).stream()
                .map(e -> new EventDto(
                        e.id(),
                        e.installationId(),
                        e.eventId(),
                        e.eventType(),
                        e.severity(),
                        fromJson(e.eventData()),
                        e.stackTrace(),
                        e.occurredAt(),
                        e.receivedAt()))
                .toList();
    }

    InstallationDto dto(InstallationRow r) {
        VersionRegistry registry = registry(r.cms());
        Optional<Version> installed = r.pluginVersion() == null ? Optional.empty() : Version.parse(r.pluginVersion());
        String upgrade = installed
                .flatMap(registry::upgradeFor)
                .map(u -> u.type().wireName())
                .orElse(null);
        return new InstallationDto(
                r.id(),
                r.merchantId(),
                r.merchantName(),
                r.merchantEmail(),
                r.cms(),
                r.siteUrl(),
                r.pluginVersion(),
                registry.latest().map(Version::toString).orElse(null),
                r.status(),
                upgrade,
                r.errorRate(),
                r.errors24h(),
                r.events24h(),
                r.errorsLastHour(),
                r.lastHeartbeat(),
                r.environment(),
                r.sdkLanguage(),
                r.phpVersion(),
                r.wordpressVersion(),
                fromJson(r.serverInfo()),
                r.heartbeatCount(),
                r.createdAt());
    }

    // ---------------------------------------------------------------- staff: toggles

    @Override
    public ToggleDto setToggle(String id, ToggleChange request, Actor actor) {
        require(actor, Role.OPS, "setting toggles");
        return audit.perform(
                actor,
                "telemetry.toggle",
                "plugin:" + id,
                () -> {
                    ToggleChange body = Validate.body(request);
                    row(id);
                    String keyName = Validate.requiredText("toggle_key", body.toggleKey(), 20);
                    ToggleKey key = ToggleKey.fromWireName(keyName)
                            .orElseThrow(() -> new InvalidInputException(
                                    "toggle_key",
                                    "toggle_key must be one of block_plugin, force_update, enable_debug, rate_limit"));
                    if (body.toggleValue() == null) {
                        throw InvalidInputException.missing("toggle_value");
                    }
                    Instant now = clock.instant();
                    Instant expires = Fields.optionalInstant("expires_at", body.expiresAt());
                    // an expiry in the past is kept (seed 002's own example has one): the setting is simply not in
                    // force
                    Integer rate = body.ratePerMinute();
                    if (rate != null) {
                        if (key != ToggleKey.RATE_LIMIT) {
                            throw new InvalidInputException(
                                    "rate_per_minute", "rate_per_minute applies to rate_limit only");
                        }
                        Validate.intInRange("rate_per_minute", rate, 1, 100_000);
                    }
                    ToggleRow row = stores.toggles()
                            .add(
                                    id,
                                    key.wireName(),
                                    body.toggleValue(),
                                    Validate.optionalText("reason", body.reason(), 500),
                                    expires,
                                    Validate.optionalText("updated_by", body.updatedBy(), 200),
                                    actor.name(),
                                    rate,
                                    now);
                    reloadToggles();
                    if (key == ToggleKey.BLOCK_PLUGIN) {
                        monitoring.statusOf(id);
                    }
                    return toggleDto(row, expires == null || now.isBefore(expires));
                },
                t -> "plugin:" + id + " " + t.toggleKey() + "=" + t.toggleValue());
    }

    @Override
    public List<ToggleDto> toggles(String id) {
        row(id);
        return toggleDtos(stores.toggles().of(id));
    }

    private List<ToggleDto> activeToggles(String id) {
        return toggleDtos(stores.toggles().of(id)).stream()
                .filter(ToggleDto::active)
                .toList();
    }

    private List<ToggleDto> toggleDtos(List<ToggleRow> rows) {
        Instant now = clock.instant();
        Map<String, Long> newest = new HashMap<>();
        for (ToggleRow r : rows) {
            newest.merge(r.key(), r.id(), Math::max);
        }
        List<ToggleDto> out = new ArrayList<>();
        for (ToggleRow r : rows) {
            boolean inForce = newest.get(r.key()) == r.id() && (r.expiresAt() == null || now.isBefore(r.expiresAt()));
            out.add(toggleDto(r, inForce));
        }
        return out;
    }

    private static ToggleDto toggleDto(ToggleRow r, boolean inForce) {
        return new ToggleDto(
                r.id(),
                r.installationId(),
                r.key(),
                r.value(),
                r.reason(),
                r.expiresAt(),
                r.updatedBy() != null ? r.updatedBy() : r.author(),
                r.ratePerMinute(),
                r.createdAt(),
                inForce);
    }

    // ---------------------------------------------------------------- staff: upgrade notices

    @Override
    public List<UpgradeNoticeDto> notifyUpgrade(String id, String channel, Actor actor) {
        require(actor, Role.OPS, "sending upgrade notices");
        return audit.perform(
                actor,
                "telemetry.notify",
                "plugin:" + id,
                () -> {
                    InstallationRow row = row(id);
                    String wanted = channel == null || channel.isBlank()
                            ? null
                            : Validate.oneOf("channel", channel.strip(), CHANNELS);
                    VersionRegistry.Upgrade upgrade = upgradeOf(row);
                    List<String> channels =
                            wanted != null ? List.of(wanted) : upgrade.type().channels();
                    List<UpgradeNoticeDto> sent = new ArrayList<>();
                    for (String c : channels) {
                        sent.add(send(row, upgrade, c, actor));
                    }
                    return sent;
                },
                sent -> "plugin:" + id + " " + sent.size() + " notice(s)");
    }

    VersionRegistry.Upgrade upgradeOf(InstallationRow row) {
        Version installed = Optional.ofNullable(row.pluginVersion())
                .flatMap(Version::parse)
                .orElseThrow(() ->
                        new ConflictException("plugin_version", "the installation has not reported its version yet"));
        VersionRegistry registry = registry(row.cms());
        if (registry.latest().isEmpty()) {
            throw new ConflictException("cms", "no version of " + row.cms() + " is registered");
        }
        return registry.upgradeFor(installed)
                .orElseThrow(() -> new ConflictException(
                        "plugin_version", "the installation is on the latest version (" + row.pluginVersion() + ")"));
    }

    UpgradeNoticeDto send(InstallationRow row, VersionRegistry.Upgrade upgrade, String channel, Actor actor) {
        String noticeId = UUID.randomUUID().toString();
        UpgradeType type = upgrade.type();
        Long delivery = null;
        String status = "pending";
        String detail = null;
        if (!"in-app".equals(channel)) {
            NotificationService service = notifications;
            if (service == null) {
                throw new UnavailableException(
                        "the notifications feature is not installed: only in-app notices can be sent");
            }
            List<String> recipients;
            if ("email".equals(channel)) {
                recipients = List.of(Optional.ofNullable(row.merchantEmail())
                        .orElseThrow(() -> new InvalidInputException("channel", "the merchant has no email address")));
            } else if ("sms".equals(channel)) {
                recipients = List.of(Optional.ofNullable(row.merchantPhone())
                        .orElseThrow(() -> new InvalidInputException("channel", "the merchant has no phone number")));
            } else {
                recipients = List.of();
            }
            try {
                delivery = service.sendDirect(
                        new DirectNotification(
                                channel,
                                recipients,
                                TelemetryEvents.UPGRADE,
                                severity(type).wireName(),
                                "telemetry-upgrade:" + noticeId,
                                message(row, upgrade)),
                        actor);
            } catch (InvalidInputException e) {
                throw new InvalidInputException("channel", e.getMessage());
            }
            status = "queued";
            detail = "delivery " + delivery + " to "
                    + (recipients.isEmpty() ? "the " + channel + " channel" : String.join(", ", recipients));
        } else {
            detail = "shown in the plugin's admin on its next heartbeat";
        }
        UpgradeNoticeDto notice = new UpgradeNoticeDto(
                noticeId,
                row.id(),
                row.merchantId(),
                row.cms(),
                row.pluginVersion(),
                upgrade.target().toString(),
                type.wireName(),
                channel,
                type.priority(),
                status,
                detail,
                delivery,
                actor.name(),
                clock.instant(),
                null,
                null);
        stores.notices().add(notice);
        if ("in-app".equals(channel)) {
            reloadNotices();
        }
        return notice;
    }

    private static Severity severity(UpgradeType type) {
        switch (type) {
            case SECURITY:
                return Severity.CRITICAL;
            case MAJOR:
                return Severity.WARNING;
            default:
                return Severity.INFO;
        }
    }

    /** Seed 002's email: subject and body with the current and latest version, what is new and the priority. */
    Map<String, String> message(InstallationRow row, VersionRegistry.Upgrade upgrade) {
        String cms = Character.toUpperCase(row.cms().charAt(0)) + row.cms().substring(1);
        String notes = stores.versions().all().stream()
                .filter(v -> v.cms().equals(row.cms())
                        && v.version().equals(upgrade.target().toString()))
                .map(VersionRow::releaseNotes)
                .filter(n -> n != null && !n.isBlank())
                .findFirst()
                .orElse("See the release notes of version " + upgrade.target() + ".");
        String name = row.merchantName() == null ? row.merchantId() : row.merchantName();
        String priority = upgrade.type().priority().toUpperCase(java.util.Locale.ROOT);
        String link = config.upgrade__url().replace("{plugin_id}", row.id());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("title", config.plugin__name() + " update available for " + cms + " (v" + upgrade.target() + ")");
        p.put(
                "message",
                "Hi " + name + ",\n\nA new version of the " + config.plugin__name() + " plugin for " + cms
                        + " is available.\n\nCurrent Version: " + row.pluginVersion() + "\nLatest Version: "
                        + upgrade.target() + "\n\nWhat's New:\n" + notes + "\n\nUpgrade Priority: " + priority);
        // the names seed 002's email template (notifications: templates/sitekeeper.telemetry.UPGRADE) uses
        p.put("merchant.name", name);
        p.put("plugin.name", config.plugin__name());
        p.put("plugin.cms_name", cms);
        p.put("plugin.current_version", String.valueOf(row.pluginVersion()));
        p.put("plugin.latest_version", upgrade.target().toString());
        p.put("plugin.release_notes", notes);
        p.put("plugin.priority", priority);
        p.put("plugin.upgrade_url", link.isBlank() ? "" : link);
        p.put(TelemetryEvents.INSTALLATION_ID, row.id());
        p.put("merchant.id", row.merchantId());
        p.put("current.version", String.valueOf(row.pluginVersion()));
        p.put("target.version", upgrade.target().toString());
        p.put("upgrade.type", upgrade.type().wireName());
        p.put("priority", upgrade.type().priority());
        return p;
    }

    @Override
    public List<UpgradeNoticeDto> notices(String installationId) {
        row(installationId);
        return stores.notices().of(installationId);
    }

    @Override
    public Optional<UpgradeNoticeDto> notice(String noticeId) {
        return stores.notices().find(noticeId);
    }

    @Override
    public UpgradeNoticeDto acknowledge(String noticeId, Actor actor) {
        require(actor, Role.OPS, "acknowledging notices");
        UpgradeNoticeDto notice = notice(noticeId).orElseThrow(() -> NotFoundException.of("notification", noticeId));
        UpgradeNoticeDto done = acknowledged(notice, actor.name());
        audit.record(actor, "telemetry.acknowledge", "notice:" + noticeId, AuditOutcome.SUCCESS, null);
        return done;
    }

    private UpgradeNoticeDto acknowledged(UpgradeNoticeDto notice, String by) {
        stores.notices().acknowledge(notice.id(), by, clock.instant());
        reloadNotices();
        return notice(notice.id()).orElseThrow();
    }

    // ---------------------------------------------------------------- staff: stats, versions, keys

    @Override
    public StatsOverview overview() {
        Instant now = clock.instant();
        InstallationStore.Counts c = stores.installations()
                .counts(
                        config.high__error__rate__percent(),
                        now.minus(Duration.ofHours(config.stale__after__hours()))
                                .toEpochMilli());
        long outdated = c.byStatus().getOrDefault("outdated", 0L);
        List<StatsOverview.CmsCount> cms = new ArrayList<>();
        c.byCms().forEach((name, n) -> cms.add(new StatsOverview.CmsCount(name, n)));
        return new StatsOverview(
                c.byStatus().getOrDefault("active", 0L),
                outdated,
                c.byStatus().getOrDefault("blocked", 0L),
                c.byStatus().getOrDefault("error", 0L),
                c.highErrorRate(),
                c.stale(),
                c.total(),
                Math.round(c.avgErrorRate() * 100.0) / 100.0,
                c.total() == 0 ? 0.0 : Math.round(outdated * 10_000.0 / c.total()) / 100.0,
                cms);
    }

    @Override
    public VersionDto registerVersion(NewVersion request, Actor actor) {
        require(actor, Role.OPS, "registering versions");
        return audit.perform(
                actor,
                "telemetry.version.add",
                "version",
                () -> {
                    NewVersion body = Validate.body(request);
                    String cms = Fields.cms(body.cms());
                    String version = Fields.version("version", body.version());
                    Instant released = Fields.optionalInstant("released_at", body.releasedAt());
                    VersionRow row = new VersionRow(
                            cms,
                            version,
                            Boolean.TRUE.equals(body.isLatest()),
                            Boolean.TRUE.equals(body.isSecurity()),
                            Validate.optionalMultilineText("release_notes", body.releaseNotes(), 4000),
                            released,
                            clock.instant());
                    stores.versions().add(row, actor.name());
                    reloadVersions();
                    monitoring.statusesSoon();
                    return versions(cms).stream()
                            .filter(v -> v.version().equals(version))
                            .findFirst()
                            .orElseThrow();
                },
                v -> "version:" + v.cms() + "/" + v.version());
    }

    @Override
    public List<VersionDto> versions(String cmsFilter) {
        String wanted = Fields.optionalCms(cmsFilter);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        List<VersionDto> out = new ArrayList<>();
        for (VersionRow v : stores.versions().all()) {
            if (wanted != null && !wanted.equals(v.cms())) {
                continue;
            }
            Map<String, Long> perVersion = counts.computeIfAbsent(v.cms(), stores.installations()::versionCounts);
            Optional<Version> latest = registry(v.cms()).latest();
            boolean isLatest = latest.isPresent()
                    && Version.parse(v.version()).map(latest.get()::equals).orElse(false);
            out.add(new VersionDto(
                    v.cms(),
                    v.version(),
                    v.isLatest(),
                    v.isSecurity(),
                    v.releaseNotes(),
                    v.releasedAt(),
                    isLatest,
                    perVersion.getOrDefault(v.version(), 0L),
                    v.createdAt()));
        }
        return out;
    }

    @Override
    public void removeVersion(String cms, String version, Actor actor) {
        require(actor, Role.OPS, "removing versions");
        audit.perform(
                actor,
                "telemetry.version.remove",
                "version:" + cms + "/" + version,
                () -> {
                    if (!stores.versions().remove(cms, version)) {
                        throw new NotFoundException("no version " + version + " of " + cms + " is registered");
                    }
                    reloadVersions();
                    monitoring.statusesSoon();
                    return version;
                },
                v -> "version:" + cms + "/" + v);
    }

    @Override
    public IssuedMerchantKey createKey(NewMerchantKey request, Actor actor) {
        require(actor, Role.OPS, "issuing merchant keys");
        return audit.perform(
                actor,
                "telemetry.key.create",
                "merchant",
                () -> {
                    NewMerchantKey body = Validate.body(request);
                    String merchantId = Fields.merchantId(body.merchantId());
                    String name = Validate.requiredText("merchant_name", body.merchantName(), 200);
                    String email = Fields.email(body.merchantEmail());
                    String phone = Fields.phone(body.merchantPhone());
                    byte[] secret = new byte[32];
                    random.nextBytes(secret);
                    String key =
                            KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                    String id = UUID.randomUUID().toString();
                    String hash = hasher.hash(key);
                    stores.keys()
                            .create(
                                    id,
                                    merchantId,
                                    name,
                                    email,
                                    phone,
                                    hash,
                                    key.substring(0, 11),
                                    actor.name(),
                                    clock.millis());
                    KeyRow row = stores.keys().find(id).orElseThrow();
                    keysByHash.put(hash, row);
                    unknownKeys.remove(hash);
                    return new IssuedMerchantKey(keyDto(row), key);
                },
                issued -> "key:" + issued.details().id() + " merchant:"
                        + issued.details().merchantId());
    }

    @Override
    public List<MerchantKeyDto> keys(String merchantId) {
        List<KeyRow> rows = merchantId == null || merchantId.isBlank()
                ? stores.keys().all()
                : stores.keys().ofMerchant(Fields.merchantId(merchantId));
        return rows.stream().map(TelemetryServiceImpl::keyDto).toList();
    }

    @Override
    public void revokeKey(String keyId, Actor actor) {
        require(actor, Role.OPS, "revoking merchant keys");
        audit.perform(
                actor,
                "telemetry.key.revoke",
                "key:" + keyId,
                () -> {
                    KeyRow row = stores.keys().find(keyId).orElseThrow(() -> NotFoundException.of("key", keyId));
                    stores.keys().revoke(keyId, clock.millis());
                    keysByHash.put(row.keyHash(), stores.keys().find(keyId).orElseThrow());
                    return keyId;
                },
                id -> "key:" + id);
    }

    private static MerchantKeyDto keyDto(KeyRow k) {
        return new MerchantKeyDto(
                k.id(),
                k.merchantId(),
                k.merchantName(),
                k.merchantEmail(),
                k.merchantPhone(),
                k.keyPrefix() + "…",
                k.createdBy(),
                k.createdAt(),
                k.revokedAt());
    }

    // ---------------------------------------------------------------- monitoring

    @Override
    public MonitoringRun runHourly() {
        return monitoring.hourly();
    }

    @Override
    public MonitoringRun runDaily() {
        return monitoring.daily();
    }

    Monitoring monitoring() {
        return monitoring;
    }

    // ---------------------------------------------------------------- metrics

    /** Numbers for the metrics and the capability's health. */
    record Internals(
            BatchWriter.Stats heartbeats,
            BatchWriter.Stats events,
            LatencyWindow latency,
            int installationsKnown,
            int keys) {}

    Internals internals() {
        return new Internals(
                heartbeatWriter.stats(), eventWriter.stats(), heartbeatLatency, index.size(), keysByHash.size());
    }

    static void require(Actor actor, Role role, String what) {
        if (!actor.has(role)) {
            throw new ForbiddenException(what + " needs the " + role.wireName() + " role");
        }
    }
}
