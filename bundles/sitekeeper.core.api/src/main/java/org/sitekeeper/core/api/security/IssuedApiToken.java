package org.sitekeeper.core.api.security;

/** A freshly issued token: {@code token} is shown this once and stored only as a hash. */
public record IssuedApiToken(String token, ApiTokenDto details) {}
