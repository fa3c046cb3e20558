package org.sitekeeper.telemetry.internal.store;

import java.time.Instant;

/** An installation as stored, with its merchant's name and email. */
public record InstallationRow(
        String id,
        String merchantId,
        String merchantName,
        String merchantEmail,
        String merchantPhone,
        String cms,
        String siteUrl,
        String pluginVersion,
        String sdkLanguage,
        String environment,
        String phpVersion,
        String wordpressVersion,
        String serverInfo,
        Double errorsLastHour,
        String status,
        double errorRate,
        long errors24h,
        long events24h,
        long heartbeatCount,
        Instant lastHeartbeat,
        Instant createdAt) {}
