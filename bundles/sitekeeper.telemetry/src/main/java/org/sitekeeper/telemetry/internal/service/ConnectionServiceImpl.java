package org.sitekeeper.telemetry.internal.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.error.AuthenticationException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.core.api.event.SitekeeperEvent;
import org.sitekeeper.core.api.security.KeyHasher;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.ConnectionHeartbeat;
import org.sitekeeper.telemetry.api.ConnectionService;
import org.sitekeeper.telemetry.api.IssuedConnectionToken;
import org.sitekeeper.telemetry.api.TelemetryEvents;
import org.sitekeeper.telemetry.internal.domain.TimeAgo;
import org.sitekeeper.telemetry.internal.store.ConnectionStore;
import org.sitekeeper.telemetry.internal.store.ConnectionStore.ConnectionRow;

/**
 * Seed 001's connection tracking: a WordPress plugin reports every 5 minutes with its bot token; the connection is
 * connected while its last heartbeat is younger than the configured window, then stale, with one alert, and a
 * RESOLVED event when it reports again.
 */
@Component(
        service = {ConnectionService.class, ConnectionServiceImpl.class},
        configurationPid = TelemetryConfig.PID)
public final class ConnectionServiceImpl implements ConnectionService {

    private static final String TOKEN_PREFIX = "bot_";

    private final ConnectionStore store;
    private final KeyHasher hasher;
    private final AuditLog audit;
    private final EventAdmin events;
    private final Clock clock;
    private final Duration window;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public ConnectionServiceImpl(
            @Reference TelemetryDatabase database,
            @Reference KeyHasher hasher,
            @Reference AuditLog audit,
            @Reference EventAdmin events,
            @Reference Clock clock,
            TelemetryConfig config) {
        this(database.stores().connections(), hasher, audit, events, clock, config);
    }

    /** Also the tests' way in; package-private so that SCR sees one public constructor only. */
    ConnectionServiceImpl(
            ConnectionStore store,
            KeyHasher hasher,
            AuditLog audit,
            EventAdmin events,
            Clock clock,
            TelemetryConfig config) {
        this.store = store;
        this.hasher = hasher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.window = Duration.ofMinutes(Math.max(1, config.connection__stale__minutes()));
    }

    @Override
    public void heartbeat(String botToken, ConnectionHeartbeat request) {
        if (botToken == null || botToken.isBlank()) {
            throw new AuthenticationException("X-Bot-Token is required");
        }
        ConnectionRow row = botToken.length() > 200 || !botToken.startsWith(TOKEN_PREFIX)
                ? null
                : store.byHash(hasher.hash(botToken)).orElse(null);
        if (row == null || row.revokedAt() != null || !hasher.matches(botToken, row.tokenHash())) {
            throw new AuthenticationException("the bot token is not valid");
        }
        ConnectionHeartbeat body = Validate.body(request);
        String site = Fields.siteUrl("site_url", body.siteUrl(), true);
        String plugin = Validate.requiredText("plugin_version", body.pluginVersion(), 64);
        String wp = Validate.optionalText("wp_version", body.wpVersion(), 64);
        boolean active = body.isActive() == null || body.isActive();
        if (store.heartbeat(row.id(), site, plugin, wp, active, clock.millis())) {
            events.postEvent(SitekeeperEvent.of(TelemetryEvents.CAPABILITY, "RESOLVED")
                    .severity(Severity.INFO)
                    .alertKey(TelemetryEvents.connectionAlertKey(row.id()))
                    .title("WordPress connection " + row.name() + " reports again")
                    .message(site + " sent a heartbeat")
                    .property(TelemetryEvents.CONNECTION_ID, row.id())
                    .occurredAt(clock.instant())
                    .toEvent());
        }
    }

    @Override
    public IssuedConnectionToken createToken(String name, Actor actor) {
        TelemetryServiceImpl.require(actor, Role.OPS, "issuing bot tokens");
        return audit.perform(
                actor,
                "telemetry.connection.create",
                "connection",
                () -> {
                    String label = Validate.requiredText("name", name, 200);
                    byte[] secret = new byte[32];
                    random.nextBytes(secret);
                    String token = TOKEN_PREFIX
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
                    String id = UUID.randomUUID().toString();
                    store.create(id, label, hasher.hash(token), token.substring(0, 12), actor.name(), clock.millis());
                    return new IssuedConnectionToken(dto(store.find(id).orElseThrow(), clock.instant()), token);
                },
                issued -> "connection:" + issued.connection().id());
    }

    @Override
    public List<ConnectionDto> connections() {
        Instant now = clock.instant();
        return store.all().stream().map(r -> dto(r, now)).toList();
    }

    @Override
    public Optional<ConnectionDto> connection(String id) {
        return store.find(id).map(r -> dto(r, clock.instant()));
    }

    @Override
    public void revokeToken(String id, Actor actor) {
        TelemetryServiceImpl.require(actor, Role.OPS, "revoking bot tokens");
        audit.perform(
                actor,
                "telemetry.connection.revoke",
                "connection:" + id,
                () -> {
                    store.find(id).orElseThrow(() -> NotFoundException.of("connection", id));
                    store.revoke(id, clock.millis());
                    return id;
                },
                done -> "connection:" + done);
    }

    /** Marks connections silent for longer than the window stale and alerts once each; answers how many. */
    public int checkStale() {
        Instant now = clock.instant();
        List<ConnectionRow> stale = store.markStale(now.minus(window).toEpochMilli());
        for (ConnectionRow r : stale) {
            events.postEvent(SitekeeperEvent.of(TelemetryEvents.CAPABILITY, "CONNECTION_STALE")
                    .severity(Severity.WARNING)
                    .alertKey(TelemetryEvents.connectionAlertKey(r.id()))
                    .title("WordPress connection " + r.name() + " is stale")
                    .message((r.siteUrl() == null ? "The site" : r.siteUrl()) + " has sent no heartbeat since "
                            + r.lastActivity() + " (" + TimeAgo.format(r.lastActivity(), now) + ")")
                    .property(TelemetryEvents.CONNECTION_ID, r.id())
                    .occurredAt(now)
                    .toEvent());
        }
        return stale.size();
    }

    ConnectionDto dto(ConnectionRow r, Instant now) {
        String status;
        if (r.revokedAt() != null) {
            status = "revoked";
        } else if (r.lastActivity() == null) {
            status = "never";
        } else if (Duration.between(r.lastActivity(), now).compareTo(window) < 0) {
            status = "connected";
        } else {
            status = "stale";
        }
        return new ConnectionDto(
                r.id(),
                r.name(),
                r.tokenPrefix() + "…",
                status,
                "connected".equals(status),
                r.siteUrl(),
                r.pluginVersion(),
                r.wpVersion(),
                r.isActive(),
                r.lastActivity(),
                TimeAgo.format(r.lastActivity(), now),
                r.heartbeats(),
                r.createdBy(),
                r.createdAt(),
                r.revokedAt());
    }
}
