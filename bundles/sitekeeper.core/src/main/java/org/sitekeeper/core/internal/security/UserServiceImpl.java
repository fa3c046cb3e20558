package org.sitekeeper.core.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.audit.AuditOutcome;
import org.sitekeeper.core.api.error.AuthenticationException;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.persistence.Transactions;
import org.sitekeeper.core.api.security.CreatedUser;
import org.sitekeeper.core.api.security.NewUser;
import org.sitekeeper.core.api.security.Secrets;
import org.sitekeeper.core.api.security.UserChange;
import org.sitekeeper.core.api.security.UserDto;
import org.sitekeeper.core.api.security.UserService;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.core.internal.persistence.CoreDatabase;
import org.sitekeeper.core.internal.store.UserEntity;

/** Staff accounts in {@code core_user}, and the password check behind the JAAS realm. */
@Component(
        service = {UserService.class, CredentialVerifier.class},
        configurationPid = SecurityConfig.PID)
@Designate(ocd = SecurityConfig.class)
public final class UserServiceImpl implements UserService, CredentialVerifier {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UserServiceImpl.class);

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final int GENERATED_PASSWORD_LENGTH = 20;
    private static final int MAX_PASSWORD_LENGTH = 256;

    private final CoreDatabase db;
    private final AuditLog audit;
    private final Clock clock;
    private final LoginGuard guard;
    private final PasswordHasher hasher;
    private final LoginCache cache;
    private final int minPasswordLength;
    private final SingleFlight<String, Optional<VerifiedUser>> verifications = new SingleFlight<>();

    @Activate
    public UserServiceImpl(
            @Reference CoreDatabase db,
            @Reference AuditLog audit,
            @Reference Clock clock,
            @Reference LoginGuard guard,
            SecurityConfig config) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.guard = guard;
        this.hasher = new PasswordHasher(config.password__iterations());
        this.cache = new LoginCache(clock, Duration.ofSeconds(Math.max(0, config.login__cache__seconds())), 1000);
        this.minPasswordLength = config.min__password__length();
    }

    @Override
    public List<UserDto> list() {
        return Transactions.read(
                db.emf(), em -> em.createNamedQuery("User.all", UserEntity.class).getResultList().stream()
                        .map(UserEntity::toDto)
                        .toList());
    }

    @Override
    public Optional<UserDto> find(String username) {
        return Transactions.read(db.emf(), em -> byName(em, username).map(UserEntity::toDto));
    }

    @Override
    public CreatedUser create(NewUser request, Actor actor) {
        requireAdmin(actor, "user.create", request == null ? null : request.username());
        NewUser user = Validate.body(request);
        String username =
                Validate.matches("username", user.username(), USERNAME, "1–64 letters, digits, '.', '_', '@' or '-'");
        if ("me".equalsIgnoreCase(username)) {
            throw new InvalidInputException("username", "'me' is reserved");
        }
        Role role = role(user.role());
        boolean generate = user.password() == null;
        String password = generate ? Secrets.randomPassword(GENERATED_PASSWORD_LENGTH) : checkPassword(user.password());
        String hash = hasher.hash(password);
        UserDto created = Transactions.inTransaction(db.emf(), em -> {
            if (byName(em, username).isPresent()) {
                throw new ConflictException("username", "a user named " + username + " already exists");
            }
            UserEntity entity = new UserEntity(username, hash, role, clock.instant());
            em.persist(entity);
            return entity.toDto();
        });
        audit.record(actor, "user.create", "user:" + username, AuditOutcome.SUCCESS, "role " + role.wireName());
        return new CreatedUser(created, generate ? password : null);
    }

    @Override
    public UserDto change(String username, UserChange change, Actor actor) {
        requireAdmin(actor, "user.change", username);
        UserChange body = Validate.body(change);
        Role newRole = body.role() == null ? null : role(body.role());
        String newHash = body.password() == null ? null : hasher.hash(checkPassword(body.password()));
        UserDto changed = Transactions.inTransaction(db.emf(), em -> {
            UserEntity user = byName(em, username).orElseThrow(() -> NotFoundException.of("user", username));
            Instant now = clock.instant();
            boolean losesAdmin = user.role() == Role.ADMIN
                    && !user.disabled()
                    && ((newRole != null && newRole != Role.ADMIN) || Boolean.TRUE.equals(body.disabled()));
            if (losesAdmin) {
                requireAnotherAdmin(em, "demoted or disabled");
            }
            if (newRole != null) {
                user.changeRole(newRole, now);
            }
            if (body.disabled() != null) {
                user.setDisabled(body.disabled(), now);
            }
            if (newHash != null) {
                user.changePassword(newHash, now);
            }
            return user.toDto();
        });
        cache.clear();
        audit.record(actor, "user.change", "user:" + changed.username(), AuditOutcome.SUCCESS, describe(body));
        return changed;
    }

    @Override
    public void delete(String username, Actor actor) {
        requireAdmin(actor, "user.delete", username);
        if (actor.name().equalsIgnoreCase(username)) {
            throw new ConflictException("username", "you cannot delete your own account");
        }
        String deleted = Transactions.inTransaction(db.emf(), em -> {
            UserEntity user = byName(em, username).orElseThrow(() -> NotFoundException.of("user", username));
            if (user.role() == Role.ADMIN && !user.disabled()) {
                requireAnotherAdmin(em, "deleted");
            }
            em.remove(user);
            return user.username();
        });
        cache.clear();
        audit.record(actor, "user.delete", "user:" + deleted, AuditOutcome.SUCCESS, null);
    }

    @Override
    public void changeOwnPassword(String username, String currentPassword, String newPassword, Actor actor) {
        String password = checkPassword(newPassword);
        if (currentPassword == null) {
            throw InvalidInputException.missing("current_password");
        }
        Transactions.run(db.emf(), em -> {
            UserEntity user = byName(em, username).orElseThrow(() -> NotFoundException.of("user", username));
            if (!hasher.verify(currentPassword, user.passwordHash())) {
                throw new AuthenticationException("the current password is wrong");
            }
            user.changePassword(hasher.hash(password), clock.instant());
        });
        cache.clear();
        audit.record(actor, "user.password", "user:" + username, AuditOutcome.SUCCESS, "own password changed");
    }

    @Override
    public VerifiedUser verify(String username, String password, String clientAddress) throws LoginException {
        if (username == null || password == null || username.isEmpty()) {
            throw new FailedLoginException("user name and password are required");
        }
        Optional<Duration> wait = guard.blockedFor(username, clientAddress);
        if (wait.isPresent()) {
            throw new ThrottledLoginException(wait.get());
        }
        String key = cache.keyOf(username, password);
        Optional<VerifiedUser> verified = cache.get(key);
        if (verified.isEmpty()) {
            // concurrent requests with the same credentials share one slow hash
            verified = verifications.run(key, () -> check(username, password));
        }
        if (verified.isEmpty()) {
            guard.failed(username, clientAddress);
            throw new FailedLoginException("invalid user name or password");
        }
        guard.succeeded(username, clientAddress);
        cache.put(key, verified.get());
        return verified.get();
    }

    /** The slow check against the stored hash; the last log-in is noted on the side and can never fail it. */
    private Optional<VerifiedUser> check(String username, String password) {
        Optional<Stored> stored = Transactions.read(db.emf(), em -> byName(em, username)
                .map(u -> new Stored(u.username(), u.passwordHash(), u.role(), u.disabled())));
        if (stored.isEmpty()) {
            hasher.verifyNothing(password);
            return Optional.empty();
        }
        Stored user = stored.get();
        if (!hasher.verify(password, user.hash()) || user.disabled()) {
            return Optional.empty();
        }
        noteLogin(user, password);
        return Optional.of(new VerifiedUser(user.username(), user.role()));
    }

    private void noteLogin(Stored user, String password) {
        Instant now = clock.instant();
        try {
            Transactions.run(db.emf(), em -> em.createNamedQuery("User.loggedIn")
                    .setParameter("key", UserEntity.key(user.username()))
                    .setParameter("at", now.toEpochMilli())
                    .executeUpdate());
            if (hasher.needsRehash(user.hash())) {
                String upgraded = hasher.hash(password);
                Transactions.run(db.emf(), em -> byName(em, user.username()).ifPresent(u -> {
                    if (u.passwordHash().equals(user.hash())) { // not changed meanwhile
                        u.changePassword(upgraded, now);
                    }
                }));
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not note the log-in of {}", user.username(), e);
        }
    }

    /** What a log-in check needs of an account. */
    private record Stored(String username, String hash, Role role, boolean disabled) {}

    /** Checks a new password against the policy; the message never echoes it. */
    String checkPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw InvalidInputException.missing("password");
        }
        if (password.length() < minPasswordLength) {
            throw new InvalidInputException(
                    "password", "password must have at least " + minPasswordLength + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInputException(
                    "password", "password must have at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        return password;
    }

    int minPasswordLength() {
        return minPasswordLength;
    }

    private void requireAdmin(Actor actor, String action, String username) {
        if (!actor.has(Role.ADMIN)) {
            audit.record(actor, action, "user:" + username, AuditOutcome.DENIED, null);
            throw new ForbiddenException("managing users needs the admin role");
        }
    }

    private static void requireAnotherAdmin(EntityManager em, String what) {
        // bound, not a FALSE literal: EclipseLink writes that as 0, which Derby will not compare with a BOOLEAN
        long admins = em.createNamedQuery("User.countEnabledAdmins", Long.class)
                .setParameter("disabled", false)
                .getSingleResult();
        if (admins <= 1) {
            throw new ConflictException("role", "the last enabled admin cannot be " + what);
        }
    }

    private static Optional<UserEntity> byName(EntityManager em, String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("User.byKey", UserEntity.class)
                .setParameter("key", UserEntity.key(username))
                .getResultStream()
                .findFirst();
    }

    private static Role role(String name) {
        if (name == null) {
            throw InvalidInputException.missing("role");
        }
        return Role.fromWireName(name)
                .orElseThrow(() -> new InvalidInputException("role", "role must be one of admin, ops, viewer"));
    }

    private static String describe(UserChange change) {
        StringBuilder text = new StringBuilder();
        if (change.role() != null) {
            text.append("role ")
                    .append(change.role().toLowerCase(java.util.Locale.ROOT))
                    .append("; ");
        }
        if (change.disabled() != null) {
            text.append(change.disabled() ? "disabled; " : "enabled; ");
        }
        if (change.password() != null) {
            text.append("password changed; ");
        }
        return text.isEmpty() ? "no change" : text.substring(0, text.length() - 2);
    }
}
