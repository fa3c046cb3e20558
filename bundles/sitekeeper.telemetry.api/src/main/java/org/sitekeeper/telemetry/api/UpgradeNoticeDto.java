package org.sitekeeper.telemetry.api;

import java.time.Instant;

/**
 * An upgrade notification sent to a merchant (seed 002): channel and priority follow from the upgrade type;
 * {@code acknowledged_at} is set when the merchant (or ops) acknowledges it.
 */
public record UpgradeNoticeDto(
        String id,
        String pluginId,
        String merchantId,
        String cms,
        String currentVersion,
        String targetVersion,
        String upgradeType,
        String channel,
        String priority,
        String status,
        String detail,
        Long deliveryId,
        String sentBy,
        Instant sentAt,
        Instant acknowledgedAt,
        String acknowledgedBy) {}
