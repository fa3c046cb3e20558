package org.sitekeeper.core.internal.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.persistence.Transactions;
import org.sitekeeper.core.api.security.ApiTokenDto;
import org.sitekeeper.core.api.security.ApiTokenService;
import org.sitekeeper.core.api.security.IssuedApiToken;
import org.sitekeeper.core.api.security.KeyHasher;
import org.sitekeeper.core.api.security.NewApiToken;
import org.sitekeeper.core.api.security.Secrets;
import org.sitekeeper.core.api.security.StaffPrincipal;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.core.internal.persistence.CoreDatabase;
import org.sitekeeper.core.internal.store.ApiTokenEntity;

/**
 * API tokens {@code sk_<public id>_<secret>}: the public id finds the row, the SHA-256 of the whole token is
 * compared in constant time. The token is shown once and never stored.
 */
@Component(service = {ApiTokenService.class, ApiTokenServiceImpl.class})
public final class ApiTokenServiceImpl implements ApiTokenService {

    static final String PREFIX = "sk_";
    private static final Pattern TOKEN = Pattern.compile("sk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final int MAX_EXPIRY_DAYS = 3650;
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final CoreDatabase db;
    private final KeyHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

    @Activate
    public ApiTokenServiceImpl(
            @Reference CoreDatabase db,
            @Reference KeyHasher hasher,
            @Reference AuditLog audit,
            @Reference Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public IssuedApiToken issue(NewApiToken request, Actor actor) {
        requireAdmin(actor, "token.create", request == null ? null : request.name());
        NewApiToken body = Validate.body(request);
        String name = Validate.requiredText("name", body.name(), 100);
        if (body.role() == null) {
            throw InvalidInputException.missing("role");
        }
        Role role = Role.fromWireName(body.role())
                .orElseThrow(() -> new InvalidInputException("role", "role must be one of admin, ops, viewer"));
        Instant now = clock.instant();
        Instant expires = null;
        if (body.expiresInDays() != null) {
            int days = Validate.intInRange("expires_in_days", body.expiresInDays(), 1, MAX_EXPIRY_DAYS);
            expires = now.plus(Duration.ofDays(days));
        }
        byte[] id = new byte[6];
        random.nextBytes(id);
        String publicId = HexFormat.of().formatHex(id);
        String token = PREFIX + publicId + "_" + Secrets.randomUrlSafe(32);
        String hash = hasher.hash(token);
        Instant expiresAt = expires;
        ApiTokenDto dto = Transactions.inTransaction(db.emf(), em -> {
            ApiTokenEntity entity = new ApiTokenEntity(publicId, name, hash, role, actor.name(), now, expiresAt);
            em.persist(entity);
            em.flush();
            return entity.toDto(PREFIX + publicId);
        });
        audit.record(
                actor, "token.create", "token:" + dto.id(), AuditOutcome.SUCCESS, name + " (" + role.wireName() + ")");
        return new IssuedApiToken(token, dto);
    }

    @Override
    public List<ApiTokenDto> list() {
        return Transactions.read(
                db.emf(), em -> em.createNamedQuery("Token.all", ApiTokenEntity.class).getResultList().stream()
                        .map(t -> t.toDto(PREFIX + t.publicId()))
                        .toList());
    }

    @Override
    public ApiTokenDto revoke(long id, Actor actor) {
        requireAdmin(actor, "token.revoke", Long.toString(id));
        ApiTokenDto revoked = Transactions.inTransaction(db.emf(), em -> {
            ApiTokenEntity token = em.find(ApiTokenEntity.class, id);
            if (token == null) {
                throw NotFoundException.of("token", id);
            }
            token.revoke(clock.instant());
            return token.toDto(PREFIX + token.publicId());
        });
        audit.record(actor, "token.revoke", "token:" + id, AuditOutcome.SUCCESS, revoked.name());
        return revoked;
    }

    /** The principal a presented token stands for, if it is known, unrevoked and unexpired. */
    public Optional<StaffPrincipal> verify(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String publicId = token.substring(PREFIX.length(), PREFIX.length() + 12);
        Instant now = clock.instant();
        Optional<ApiTokenDto> match =
                Transactions.read(db.emf(), em -> em.createNamedQuery("Token.byPublicId", ApiTokenEntity.class)
                        .setParameter("publicId", publicId)
                        .getResultStream()
                        .findFirst()
                        .filter(t -> hasher.matches(token, t.tokenHash()))
                        .map(t -> t.toDto(PREFIX + publicId))
                        .filter(t -> t.activeAt(now)));
        match.ifPresent(t -> noteUse(t.id(), now));
        return match.map(t -> new StaffPrincipal(t.name(), t.role(), t.id()));
    }

    private void noteUse(long id, Instant now) {
        Instant written = lastUseWritten.get(id);
        if (written != null && Duration.between(written, now).compareTo(LAST_USED_RESOLUTION) < 0) {
            return;
        }
        lastUseWritten.put(id, now);
        Transactions.run(db.emf(), em -> {
            ApiTokenEntity token = em.find(ApiTokenEntity.class, id);
            if (token != null) {
                token.used(now);
            }
        });
    }

    private void requireAdmin(Actor actor, String action, String target) {
        if (!actor.has(Role.ADMIN)) {
            audit.record(actor, action, "token:" + target, AuditOutcome.DENIED, null);
            throw new ForbiddenException("managing API tokens needs the admin role");
        }
    }
}
