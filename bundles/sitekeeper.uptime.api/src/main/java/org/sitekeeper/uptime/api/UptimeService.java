package org.sitekeeper.uptime.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;

/**
 * Uptime monitoring. Changes are audited; reads need the viewer role, changes ops.
 */
@ProviderType
public interface UptimeService {

    /**
     * Adds a monitor.
     *
     * @throws org.sitekeeper.core.api.error.InvalidInputException naming the field at fault (a {@code url} the
     *     egress policy refuses included)
     */
    MonitorDto create(MonitorSpec spec, Actor actor);

    /**
     * Adds many monitors at once (an import of up to {@link #MAX_IMPORT}), all or nothing: when any is invalid,
     * none is stored and the error names its position, e.g. {@code monitors[17].url}.
     *
     * @return the ids of the new monitors, in the order given
     */
    List<Long> createAll(List<MonitorSpec> specs, Actor actor);

    /** The most monitors one import may hold. */
    int MAX_IMPORT = 1000;

    Optional<MonitorDto> find(long id);

    Page<MonitorDto> list(MonitorQuery query);

    /**
     * Changes a monitor; {@code null} components of {@code changes} stay as they are.
     *
     * @throws org.sitekeeper.core.api.error.NotFoundException when there is no such monitor
     */
    MonitorDto update(long id, MonitorSpec changes, Actor actor);

    /** Deletes a monitor with its history. */
    void delete(long id, Actor actor);

    /** Runs a check now, records it like a scheduled one and returns it (waits at most the monitor's timeout). */
    CheckResultDto checkNow(long id, Actor actor);

    /** The most recent checks of a monitor, newest first. */
    List<CheckResultDto> results(long monitorId, int limit);

    /** Incidents, newest first; {@code openOnly} for the ones open now; {@code monitorId} or {@code siteId} filter. */
    Page<IncidentDto> incidents(Long monitorId, Long siteId, boolean openOnly, PageRequest page);

    /** Uptime of a monitor over 24 h, 7 d, 30 d and 365 d. */
    List<UptimeStats> stats(long monitorId);

    /** The 30 days up to today of a monitor, oldest first. */
    List<DailyBar> days(long monitorId, int days);

    /**
     * The uptime page of a site.
     *
     * @throws org.sitekeeper.core.api.error.NotFoundException when the site has no monitors
     */
    SiteUptime site(long siteId);

    UptimeOverview overview();
}
