package org.sitekeeper.core.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import org.sitekeeper.core.api.Actor;

/**
 * API tokens for automation ({@code Authorization: Bearer sk_…}): issued by an admin, shown once, stored
 * hashed, each carrying a role, revocable.
 */
@ProviderType
public interface ApiTokenService {

    /** @throws org.sitekeeper.core.api.error.InvalidInputException naming the field at fault */
    IssuedApiToken issue(NewApiToken request, Actor actor);

    List<ApiTokenDto> list();

    /** @throws org.sitekeeper.core.api.error.NotFoundException when there is no such token */
    ApiTokenDto revoke(long id, Actor actor);
}
