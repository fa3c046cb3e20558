package org.sitekeeper.telemetry.api;

import java.time.Instant;

/** A merchant API key without its secret: only its first characters are kept to recognise it. */
public record MerchantKeyDto(
        String id,
        String merchantId,
        String merchantName,
        String merchantEmail,
        String merchantPhone,
        String keyPrefix,
        String createdBy,
        Instant createdAt,
        Instant revokedAt) {}
