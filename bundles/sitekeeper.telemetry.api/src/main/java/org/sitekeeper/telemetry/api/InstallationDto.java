package org.sitekeeper.telemetry.api;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One plugin installation as seed 002's list shows it, with the rest of what its heartbeats report. */
public record InstallationDto(
        String id,
        String merchantId,
        String merchantName,
        String merchantEmail,
        String cms,
        String siteUrl,
        String pluginVersion,
        String latestVersion,
        String status,
        String upgradeType,
        double errorRate,
        @JsonProperty("errors_24h") long errors24h,
        @JsonProperty("events_24h") long events24h,
        Double errorsLastHour,
        Instant lastHeartbeat,
        String environment,
        String sdkLanguage,
        String phpVersion,
        String wordpressVersion,
        Map<String, Object> serverInfo,
        long heartbeatCount,
        Instant createdAt) {}
