package org.sitekeeper.core.api.security;

/**
 * A created account, with the generated password when the hub chose it (shown once, never stored in clear).
 */
public record CreatedUser(UserDto user, String generatedPassword) {}
