package org.sitekeeper.core.api.security;

import java.time.Instant;

import org.sitekeeper.core.api.Role;

/** A staff account as shown to admins. Never carries the password or its hash. */
public record UserDto(
        String username, Role role, boolean disabled, Instant createdAt, Instant updatedAt, Instant lastLoginAt) {}
