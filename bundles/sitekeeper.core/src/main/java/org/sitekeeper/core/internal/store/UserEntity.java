package org.sitekeeper.core.internal.store;

import java.time.Instant;
import java.util.Locale;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.Version;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.UserDto;

/** A staff account row. */
@Entity
@Table(name = "core_user")
@NamedQuery(name = "User.byKey", query = "SELECT u FROM UserEntity u WHERE u.usernameKey = :key")
@NamedQuery(name = "User.all", query = "SELECT u FROM UserEntity u ORDER BY u.usernameKey")
@NamedQuery(name = "User.loggedIn", query = "UPDATE UserEntity u SET u.lastLoginAt = :at WHERE u.usernameKey = :key")
@NamedQuery(
        name = "User.countEnabledAdmins",
        query = "SELECT COUNT(u) FROM UserEntity u WHERE u.role = 'admin' AND u.disabled = :disabled")
public class UserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "username_key", nullable = false, length = 64)
    private String usernameKey;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @Column(name = "last_login_at")
    private Long lastLoginAt;

    @Version
    private long version;

    protected UserEntity() {}

    public UserEntity(String username, String passwordHash, Role role, Instant now) {
        this.username = username;
        this.usernameKey = key(username);
        this.passwordHash = passwordHash;
        this.role = role.wireName();
        this.createdAt = now.toEpochMilli();
        this.updatedAt = createdAt;
    }

    /** The case-insensitive lookup key of a user name. */
    public static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    public UserDto toDto() {
        return new UserDto(
                username,
                role(),
                disabled,
                Instant.ofEpochMilli(createdAt),
                Instant.ofEpochMilli(updatedAt),
                lastLoginAt == null ? null : Instant.ofEpochMilli(lastLoginAt));
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return Role.fromWireName(role).orElse(Role.VIEWER);
    }

    public boolean disabled() {
        return disabled;
    }

    public long version() {
        return version;
    }

    public void changePassword(String hash, Instant now) {
        this.passwordHash = hash;
        touch(now);
    }

    public void changeRole(Role newRole, Instant now) {
        this.role = newRole.wireName();
        touch(now);
    }

    public void setDisabled(boolean value, Instant now) {
        this.disabled = value;
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now.toEpochMilli();
    }
}
