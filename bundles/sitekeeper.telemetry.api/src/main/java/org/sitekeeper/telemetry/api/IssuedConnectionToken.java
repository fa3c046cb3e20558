package org.sitekeeper.telemetry.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A new bot token: {@code token} is shown this once and stored only as a hash. */
public record IssuedConnectionToken(@JsonUnwrapped ConnectionDto connection, String token) {}
