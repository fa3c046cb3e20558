package org.sitekeeper.telemetry.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import org.sitekeeper.core.api.Actor;

/** Seed 001's WordPress connection tracking: bot tokens, their heartbeats and a dashboard of connections. */
@ProviderType
public interface ConnectionService {

    /**
     * Records a heartbeat of the token's WordPress site.
     *
     * @throws org.sitekeeper.core.api.error.AuthenticationException for a missing, unknown or revoked token
     * @throws org.sitekeeper.core.api.error.InvalidInputException naming the field at fault
     */
    void heartbeat(String botToken, ConnectionHeartbeat heartbeat);

    IssuedConnectionToken createToken(String name, Actor actor);

    List<ConnectionDto> connections();

    Optional<ConnectionDto> connection(String id);

    void revokeToken(String id, Actor actor);
}
