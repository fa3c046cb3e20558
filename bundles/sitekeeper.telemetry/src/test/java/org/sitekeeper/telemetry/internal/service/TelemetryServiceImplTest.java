package org.sitekeeper.telemetry.internal.service;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditEntry;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.audit.AuditQuery;
import org.sitekeeper.core.api.error.AuthenticationException;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.RateLimitedException;
import org.sitekeeper.core.internal.secrets.Sha256KeyHasher;
import org.sitekeeper.telemetry.api.Heartbeat;
import org.sitekeeper.telemetry.api.HeartbeatReply;
import org.sitekeeper.telemetry.api.InstallationQuery;
import org.sitekeeper.telemetry.api.NewMerchantKey;
import org.sitekeeper.telemetry.api.NewVersion;
import org.sitekeeper.telemetry.api.TelemetryEvent;
import org.sitekeeper.telemetry.api.ToggleChange;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;
import org.sitekeeper.telemetry.internal.store.TelemetryStores;
import org.sitekeeper.telemetry.internal.store.TelemetryTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service over a real Derby database: the plugin side, toggles, statuses, notices and fleet alerts. */
class TelemetryServiceImplTest {

    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static TelemetryConfig config(Map<String, Object> overrides) {
        return (TelemetryConfig) Proxy.newProxyInstance(
                TelemetryConfig.class.getClassLoader(),
                new Class<?>[] {TelemetryConfig.class},
                (proxy, method, args) -> overrides.containsKey(method.getName())
                        ? overrides.get(method.getName())
                        : method.getDefaultValue());
    }

    private final MutableClock clock = new MutableClock();
    private final List<Event> events = new ArrayList<>();
    private final List<String> audited = new ArrayList<>();
    private final Actor ops = new Actor("ops-1", Role.OPS, Actor.REST, "127.0.0.1");
    private final Actor viewer = new Actor("viewer-1", Role.VIEWER, Actor.REST, "127.0.0.1");
    private TelemetryServiceImpl telemetry;
    private String key;

    @BeforeEach
    void start() {
        TelemetryStores stores = TelemetryTestDatabase.open("service");
        EventAdmin eventAdmin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                events.add(event);
            }
        };
        AuditLog audit = new AuditLog() {
            @Override
            public void record(Actor actor, String action, String target, AuditOutcome outcome, String detail) {
                audited.add(action + " " + outcome);
            }

            @Override
            public Page<AuditEntry> query(AuditQuery query) {
                return new Page<>(List.of(), 0, null);
            }
        };
        telemetry = new TelemetryServiceImpl(
                stores, new Sha256KeyHasher(), audit, eventAdmin, clock, config(Map.of("refresh__seconds", 3600)));
        key = telemetry
                .createKey(new NewMerchantKey("m-1", "My Shop", "merchant@example.com", null), ops)
                .key();
    }

    @AfterEach
    void stop() {
        telemetry.deactivate();
    }

    private static Heartbeat heartbeat(String merchant, String version, String site) {
        return new Heartbeat(
                merchant,
                "woocommerce",
                site,
                version,
                "php",
                0.5,
                "production",
                "8.1.0",
                "6.4",
                Map.of("server_software", "Apache/2.4.56", "api_key", "abc123"));
    }

    @Test
    void aHeartbeatCreatesOneInstallationPerMerchantCmsAndSiteAndAnswersEveryToggle() {
        HeartbeatReply first = telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null));
        HeartbeatReply again = telemetry.heartbeat(key, heartbeat("m-1", "1.2.1", null));
        HeartbeatReply otherSite = telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", "https://shop-2.example/"));

        assertThat(first.status()).isEqualTo("ok");
        assertThat(again.installationId()).isEqualTo(first.installationId());
        assertThat(otherSite.installationId()).isNotEqualTo(first.installationId());
        assertThat(first.toggles())
                .containsOnlyKeys("block_plugin", "force_update", "enable_debug", "rate_limit")
                .doesNotContainValue(true);
        var stored = telemetry.find(first.installationId()).orElseThrow().installation();
        assertThat(stored.pluginVersion()).isEqualTo("1.2.1");
        assertThat(stored.heartbeatCount()).isEqualTo(2);
        assertThat(stored.serverInfo()).containsEntry("server_software", "Apache/2.4.56");
        assertThat(stored.serverInfo().get("api_key")).isNotEqualTo("abc123");
        assertThat(telemetry
                        .list(new InstallationQuery(null, "woocommerce", null, null, 0, 50))
                        .total())
                .isEqualTo(2);
    }

    @Test
    void repeatedProfilesAreStoredAsSentAndAChangeOfAnyPartOfItIsWritten() {
        String id = telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)).installationId();
        telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)); // the same profile: only the heartbeat's columns
        clock.now = clock.now.plusSeconds(60);
        HeartbeatReply third = telemetry.heartbeat(
                key,
                new Heartbeat(
                        "m-1",
                        "woocommerce",
                        null,
                        "1.2.0",
                        "php",
                        3.0,
                        "staging",
                        "8.2.0",
                        "6.4",
                        Map.of("os", "Linux")));
        var stored = telemetry.find(id).orElseThrow().installation();
        assertThat(third.installationId()).isEqualTo(id);
        assertThat(stored.heartbeatCount()).isEqualTo(3);
        assertThat(stored.environment()).isEqualTo("staging");
        assertThat(stored.phpVersion()).isEqualTo("8.2.0");
        assertThat(stored.errorsLastHour()).isEqualTo(3.0);
        assertThat(stored.serverInfo()).containsOnlyKeys("os");
        assertThat(stored.lastHeartbeat()).isEqualTo(clock.now);

        telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)); // back to the first profile
        stored = telemetry.find(id).orElseThrow().installation();
        assertThat(stored.environment()).isEqualTo("production");
        assertThat(stored.phpVersion()).isEqualTo("8.1.0");
        assertThat(stored.serverInfo()).containsEntry("server_software", "Apache/2.4.56");
        assertThat(stored.heartbeatCount()).isEqualTo(4);
    }

    @Test
    void keysOnlyReachTheirOwnMerchantAndRevokedKeysNothing() {
        assertThatThrownBy(() -> telemetry.heartbeat("mk_not-a-key", heartbeat("m-1", "1.0.0", null)))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> telemetry.heartbeat(null, heartbeat("m-1", "1.0.0", null)))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> telemetry.heartbeat(key, heartbeat("m-2", "1.0.0", null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> telemetry.heartbeat(key, heartbeat("m-1", "not a version", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("plugin_version"));
        String id = telemetry.keys("m-1").get(0).id();
        telemetry.revokeKey(id, ops);
        assertThatThrownBy(() -> telemetry.heartbeat(key, heartbeat("m-1", "1.0.0", null)))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> telemetry.createKey(new NewMerchantKey("m-9", "X", null, null), viewer))
                .isInstanceOf(ForbiddenException.class);
        assertThat(audited).contains("telemetry.key.create SUCCESS", "telemetry.key.revoke SUCCESS");
    }

    @Test
    void togglesFlowBackInHeartbeatsUntilTheyExpireAndRateLimitsReallyLimit() {
        String id = telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)).installationId();
        telemetry.setToggle(
                id,
                new ToggleChange(
                        "block_plugin",
                        true,
                        "Critical security vulnerability",
                        "2026-11-22T11:00:00Z",
                        "ops-agent",
                        null),
                ops);
        assertThat(telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)).toggles())
                .containsEntry("block_plugin", true);
        assertThat(telemetry.find(id).orElseThrow().installation().status()).isEqualTo("blocked");
        assertThat(telemetry.find(id).orElseThrow().activeToggles()).hasSize(1);

        clock.now = clock.now.plus(Duration.ofHours(1)); // expiry is exclusive
        assertThat(telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)).toggles())
                .containsEntry("block_plugin", false);

        assertThatThrownBy(() -> telemetry.setToggle(id, new ToggleChange("nope", true, null, null, null, null), ops))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("toggle_key"));
        assertThat(telemetry
                        .setToggle(
                                id,
                                new ToggleChange("enable_debug", true, null, "2020-01-01T00:00:00Z", null, null),
                                ops)
                        .active())
                .isFalse();
        assertThat(telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)).toggles())
                .containsEntry("enable_debug", false);
        assertThatThrownBy(() -> telemetry.setToggle(
                        id, new ToggleChange("enable_debug", true, null, "yesterday", null, null), ops))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("expires_at"));

        telemetry.setToggle(id, new ToggleChange("rate_limit", true, "noisy", null, null, 1), ops);
        telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null));
        assertThatThrownBy(() -> telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter())
                        .isGreaterThan(Duration.ofSeconds(50)));
        assertThatThrownBy(() -> telemetry.event(
                        key, new TelemetryEvent("m-1", "woocommerce", null, null, "info", null, null, null, null)))
                .isInstanceOf(RateLimitedException.class);
        telemetry.setToggle(id, new ToggleChange("rate_limit", false, null, null, null, null), ops);
        telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null));
    }

    @Test
    void registryMarksOutdatedAndInAppNoticesAreHandedOutUntilAcknowledged() {
        String id = telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)).installationId();
        assertThatThrownBy(() -> telemetry.notifyUpgrade(id, "in-app", ops)).isInstanceOf(ConflictException.class);
        telemetry.registerVersion(
                new NewVersion("woocommerce", "1.3.5", true, false, "- Critical bug fixes", null), ops);
        assertThatThrownBy(() ->
                        telemetry.registerVersion(new NewVersion("woocommerce", "1.3.5", true, false, null, null), ops))
                .isInstanceOf(ConflictException.class);

        telemetry.runHourly();
        var installation = telemetry.find(id).orElseThrow().installation();
        assertThat(installation.status()).isEqualTo("outdated");
        assertThat(installation.latestVersion()).isEqualTo("1.3.5");
        assertThat(installation.upgradeType()).isEqualTo("minor");

        List<UpgradeNoticeDto> sent = telemetry.notifyUpgrade(id, "in-app", ops);
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.targetVersion()).isEqualTo("1.3.5");
            assertThat(n.priority()).isEqualTo("normal");
        });
        HeartbeatReply reply = telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null));
        assertThat(reply.notices())
                .extracting(UpgradeNoticeDto::id)
                .containsExactly(sent.get(0).id());
        assertThat(telemetry.acknowledgeAsMerchant(key, sent.get(0).id()).acknowledgedAt())
                .isNotNull();
        assertThat(telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)).notices())
                .isEmpty();
        // email needs the notifications feature
        assertThatThrownBy(() -> telemetry.notifyUpgrade(id, "email", ops))
                .isInstanceOf(org.sitekeeper.core.api.error.UnavailableException.class);

        telemetry.heartbeat(key, heartbeat("m-1", "1.3.5", null));
        assertThat(telemetry.find(id).orElseThrow().installation().status()).isEqualTo("active");
    }

    @Test
    void silentInstallationsGoStaleAndFleetAlertsAreRaisedOnceAndResolvedOnce() {
        telemetry.registerVersion(new NewVersion("woocommerce", "2.0.0", true, false, null, null), ops);
        String id = telemetry.heartbeat(key, heartbeat("m-1", "1.0.0", null)).installationId();
        telemetry.runDaily();
        telemetry.runDaily();
        assertThat(events)
                .filteredOn(e -> e.getTopic().equals("sitekeeper/telemetry/OUTDATED"))
                .hasSize(1);

        clock.now = clock.now.plus(Duration.ofHours(49));
        assertThat(telemetry.runHourly().markedStale()).isEqualTo(1);
        assertThat(telemetry.find(id).orElseThrow().installation().status()).isEqualTo("error");
        assertThat(telemetry.overview().staleCount()).isEqualTo(1);

        telemetry.heartbeat(key, heartbeat("m-1", "2.0.0", null));
        telemetry.runDaily();
        assertThat(events)
                .filteredOn(e -> e.getTopic().equals("sitekeeper/telemetry/RESOLVED"))
                .hasSize(1);
        assertThat(telemetry.overview().activeCount()).isEqualTo(1);
    }

    @Test
    void eventsAreScrubbedAndCountTowardsTheErrorRate() {
        String id = telemetry.heartbeat(key, heartbeat("m-1", "1.2.0", null)).installationId();
        telemetry.event(
                key,
                new TelemetryEvent(
                        "m-1",
                        "woocommerce",
                        null,
                        "e-1",
                        "payment_failed",
                        Map.of("message", "card 4111 1111 1111 1111 declined", "api_key", "sk_live_abcdefghijklmnop"),
                        null,
                        "at Foo (Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl)",
                        null));
        telemetry.event(
                key, new TelemetryEvent("m-1", "woocommerce", null, null, "payment_success", null, null, null, null));
        var detail = telemetry.find(id).orElseThrow();
        assertThat(detail.installation().errorRate()).isEqualTo(50.0);
        assertThat(detail.recentEvents()).hasSize(2);
        String stored = detail.recentEvents().toString();
        assertThat(stored).doesNotContain("4111 1111 1111 1111", "sk_live_abcdefghijklmnop", "eyJhbGciOiJIUzI1NiJ9");
        assertThat(detail.recentEvents().get(1).severity()).isEqualTo("error");
        assertThatThrownBy(() -> telemetry.event(
                        key, new TelemetryEvent("m-1", "woocommerce", null, null, "explosion", null, null, null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("event_type"));
    }
}
