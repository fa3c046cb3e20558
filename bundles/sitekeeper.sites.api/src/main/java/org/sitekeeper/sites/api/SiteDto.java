package org.sitekeeper.sites.api;

import java.time.Instant;
import java.util.List;

/**
 * A registered site.
 *
 * @param id the hub's id for it
 * @param url normalised: lower-case host, no default port, no trailing slash
 * @param name display name
 * @param group the site group, or {@code null}
 * @param tags lower-case tags, sorted
 * @param owner the staff account or token the site belongs to
 * @param status pending, active, disconnected or error
 * @param notes free text, or {@code null}
 * @param lastSeenAt when the site last answered the hub, or {@code null}
 */
public record SiteDto(
        long id,
        String url,
        String name,
        String group,
        List<String> tags,
        String owner,
        SiteStatus status,
        String notes,
        Instant createdAt,
        Instant updatedAt,
        Instant lastSeenAt) {

    public SiteDto {
        tags = List.copyOf(tags);
    }
}
