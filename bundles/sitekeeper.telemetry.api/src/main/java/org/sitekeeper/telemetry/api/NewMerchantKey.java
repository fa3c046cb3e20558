package org.sitekeeper.telemetry.api;

/** Issues a merchant API key; {@code merchant_phone} (E.164) is where SMS upgrade notices go. */
public record NewMerchantKey(String merchantId, String merchantName, String merchantEmail, String merchantPhone) {}
