package org.sitekeeper.sites.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;

/**
 * The site registry. Every change is audited and posted as an event ({@link SiteEvents}). Reads need the
 * viewer role, changes ops; naming another owner needs admin.
 */
@ProviderType
public interface SiteService {

    /**
     * Registers a site.
     *
     * @throws org.sitekeeper.core.api.error.InvalidInputException naming the field at fault
     * @throws org.sitekeeper.core.api.error.ConflictException when the owner has this URL already
     */
    SiteDto create(NewSite site, Actor actor);

    Optional<SiteDto> find(long id);

    Page<SiteDto> list(SiteQuery query);

    /**
     * Applies a partial update.
     *
     * @throws org.sitekeeper.core.api.error.NotFoundException when there is no such site
     */
    SiteDto update(long id, SiteChanges changes, Actor actor);

    /** Disconnects a site: it stays, with its history, as {@code disconnected}. */
    SiteDto disconnect(long id, Actor actor);

    /** Removes a site and, through the {@code REMOVED} event with {@code site.purged}, its history. */
    void purge(long id, Actor actor);

    /** How many sites there are in each status (every status present, zero included). */
    Map<SiteStatus, Long> countByStatus();

    /** The groups in use, with how many sites each has. */
    List<GroupCount> groups();

    /** Notes that a site answered the hub (connector, uptime check); not audited, no event. */
    void markSeen(long id, Instant at);

    /** A group and its number of sites. */
    record GroupCount(String group, long sites) {}
}
