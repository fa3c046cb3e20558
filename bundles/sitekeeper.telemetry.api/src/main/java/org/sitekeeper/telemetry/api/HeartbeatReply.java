package org.sitekeeper.telemetry.api;

import java.util.List;
import java.util.Map;

/**
 * The answer to a heartbeat: seed 002's {@code status}, {@code installation_id} and {@code toggles} (every toggle
 * key, {@code true} while an unexpired toggle sets it), plus the upgrade notices waiting for the plugin to show
 * in its admin (channel {@code in-app}).
 */
public record HeartbeatReply(
        String status, String installationId, Map<String, Boolean> toggles, List<UpgradeNoticeDto> notices) {}
