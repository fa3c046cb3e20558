package org.sitekeeper.sites.internal.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.Version;

import org.sitekeeper.sites.api.SiteDto;
import org.sitekeeper.sites.api.SiteStatus;
import org.sitekeeper.sites.internal.domain.SiteFields;

/** A row of {@code sites_site}. */
@Entity
@Table(name = "sites_site")
@NamedQuery(
        name = "Site.byOwnerAndUrl",
        query = "SELECT s FROM SiteEntity s WHERE s.owner = :owner AND s.urlHash = :urlHash")
@NamedQuery(name = "Site.countByStatus", query = "SELECT s.status, COUNT(s) FROM SiteEntity s GROUP BY s.status")
@NamedQuery(
        name = "Site.groups",
        query = "SELECT s.group, COUNT(s) FROM SiteEntity s WHERE s.group IS NOT NULL GROUP BY s.group"
                + " ORDER BY s.group")
public class SiteEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(name = "url_hash", nullable = false, length = 64)
    private String urlHash;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "group_name", length = 100)
    private String group;

    @Column(length = 1100)
    private String tags;

    @Column(nullable = false, length = 120)
    private String owner;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(length = 4000)
    private String notes;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @Column(name = "last_seen_at")
    private Long lastSeenAt;

    @Version
    private long version;

    protected SiteEntity() {}

    public SiteEntity(String url, String name, String owner, SiteStatus status, Instant now) {
        setUrl(url);
        this.name = name;
        this.owner = owner;
        this.status = status.wireName();
        this.createdAt = now.toEpochMilli();
        this.updatedAt = createdAt;
    }

    /** SHA-256 of a normalised URL, for the uniqueness index. */
    public static String hash(String url) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public SiteDto toDto() {
        return new SiteDto(
                id,
                url,
                name,
                group,
                SiteFields.parseStoredTags(tags),
                owner,
                status(),
                notes,
                Instant.ofEpochMilli(createdAt),
                Instant.ofEpochMilli(updatedAt),
                lastSeenAt == null ? null : Instant.ofEpochMilli(lastSeenAt));
    }

    public Long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public String owner() {
        return owner;
    }

    public SiteStatus status() {
        return SiteStatus.fromWireName(status).orElse(SiteStatus.ERROR);
    }

    public void setUrl(String value) {
        this.url = value;
        this.urlHash = hash(value);
    }

    public void setName(String value) {
        this.name = value;
    }

    public void setGroup(String value) {
        this.group = value;
    }

    public void setTags(List<String> value) {
        this.tags = SiteFields.storedTags(value);
    }

    public void setOwner(String value) {
        this.owner = value;
    }

    public void setNotes(String value) {
        this.notes = value;
    }

    public void setStatus(SiteStatus value) {
        this.status = value.wireName();
    }

    public void touch(Instant now) {
        this.updatedAt = now.toEpochMilli();
    }

    public void seen(Instant at) {
        if (lastSeenAt == null || at.toEpochMilli() > lastSeenAt) {
            this.lastSeenAt = at.toEpochMilli();
        }
    }
}
