package org.sitekeeper.telemetry.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A new merchant key: {@code key} is shown this once and stored only as a hash. */
public record IssuedMerchantKey(@JsonUnwrapped MerchantKeyDto details, String key) {}
