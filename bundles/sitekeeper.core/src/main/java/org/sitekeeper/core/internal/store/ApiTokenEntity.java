package org.sitekeeper.core.internal.store;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.ApiTokenDto;

/** An API token row: the token itself is never stored, only its hash. */
@Entity
@Table(name = "core_api_token")
@NamedQuery(name = "Token.byPublicId", query = "SELECT t FROM ApiTokenEntity t WHERE t.publicId = :publicId")
@NamedQuery(name = "Token.all", query = "SELECT t FROM ApiTokenEntity t ORDER BY t.id")
@NamedQuery(
        name = "Token.purgeEnded",
        query = "DELETE FROM ApiTokenEntity t WHERE (t.revokedAt IS NOT NULL AND t.revokedAt < :before)"
                + " OR (t.expiresAt IS NOT NULL AND t.expiresAt < :before)")
public class ApiTokenEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "public_id", nullable = false, length = 16)
    private String publicId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 80)
    private String tokenHash;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(name = "created_by", nullable = false, length = 120)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at")
    private Long expiresAt;

    @Column(name = "last_used_at")
    private Long lastUsedAt;

    @Column(name = "revoked_at")
    private Long revokedAt;

    protected ApiTokenEntity() {}

    public ApiTokenEntity(
            String publicId, String name, String tokenHash, Role role, String createdBy, Instant now, Instant expires) {
        this.publicId = publicId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.role = role.wireName();
        this.createdBy = createdBy;
        this.createdAt = now.toEpochMilli();
        this.expiresAt = expires == null ? null : expires.toEpochMilli();
    }

    public ApiTokenDto toDto(String prefix) {
        return new ApiTokenDto(
                id,
                name,
                prefix,
                Role.fromWireName(role).orElse(Role.VIEWER),
                createdBy,
                Instant.ofEpochMilli(createdAt),
                instant(expiresAt),
                instant(lastUsedAt),
                instant(revokedAt));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now.toEpochMilli();
        }
    }

    public void used(Instant now) {
        lastUsedAt = now.toEpochMilli();
    }
}
