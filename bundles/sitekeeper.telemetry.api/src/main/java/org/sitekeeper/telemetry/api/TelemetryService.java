package org.sitekeeper.telemetry.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;

/**
 * Plugin telemetry. The plugin side ({@link #heartbeat}, {@link #event}, {@link #acknowledgeAsMerchant}) is
 * authenticated by a merchant API key, which only reaches its own merchant's installations; everything else is for
 * staff (reads viewer, changes ops, every change audited).
 */
@ProviderType
public interface TelemetryService {

    /** Channels an upgrade notice can go through. */
    List<String> CHANNELS = List.of("email", "in-app", "webhook", "sms", "slack");

    /**
     * Records a heartbeat: creates or updates the installation of (merchant, cms, site URL) and answers with its
     * toggles once the write is committed.
     *
     * @throws org.sitekeeper.core.api.error.AuthenticationException for a missing, unknown or revoked key
     * @throws org.sitekeeper.core.api.error.ForbiddenException when {@code merchant_id} is not the key's merchant
     * @throws org.sitekeeper.core.api.error.InvalidInputException naming the field at fault
     * @throws org.sitekeeper.core.api.error.RateLimitedException while a {@code rate_limit} toggle holds it back
     * @throws org.sitekeeper.core.api.error.UnavailableException beyond capacity (with a retry hint)
     */
    HeartbeatReply heartbeat(String apiKey, Heartbeat heartbeat);

    /** Records an event (scrubbed of card numbers and secrets) for the key's installation. Same errors. */
    void event(String apiKey, TelemetryEvent event);

    /** Acknowledges an upgrade notice of the key's own merchant. */
    UpgradeNoticeDto acknowledgeAsMerchant(String apiKey, String noticeId);

    Page<InstallationDto> list(InstallationQuery query);

    Optional<InstallationDetail> find(String id);

    /** Recent events of an installation, newest first. */
    List<EventDto> events(String id, int limit);

    ToggleDto setToggle(String id, ToggleChange change, Actor actor);

    /** Every setting of the installation's toggles, newest first (active ones flagged). */
    List<ToggleDto> toggles(String id);

    /**
     * Sends an upgrade notice for the installation through {@code channel} ({@code null}: the channels of its
     * upgrade type, seed 002's table).
     *
     * @throws org.sitekeeper.core.api.error.ConflictException when the installation is on the latest version
     */
    List<UpgradeNoticeDto> notifyUpgrade(String id, String channel, Actor actor);

    List<UpgradeNoticeDto> notices(String installationId);

    Optional<UpgradeNoticeDto> notice(String noticeId);

    UpgradeNoticeDto acknowledge(String noticeId, Actor actor);

    StatsOverview overview();

    VersionDto registerVersion(NewVersion version, Actor actor);

    List<VersionDto> versions(String cms);

    void removeVersion(String cms, String version, Actor actor);

    IssuedMerchantKey createKey(NewMerchantKey key, Actor actor);

    List<MerchantKeyDto> keys(String merchantId);

    void revokeKey(String keyId, Actor actor);

    /** Runs the hourly monitoring now (outdated, error rates, stale); returns what it changed. */
    MonitoringRun runHourly();

    /** Runs the daily monitoring now (health metrics, fleet alerts, security notices). */
    MonitoringRun runDaily();
}
