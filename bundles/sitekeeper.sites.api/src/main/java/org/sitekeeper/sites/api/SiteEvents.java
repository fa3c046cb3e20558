package org.sitekeeper.sites.api;

import org.sitekeeper.core.api.event.Topics;

/** Events of the site registry, with the standard properties plus those below. */
public final class SiteEvents {

    public static final String CAPABILITY = "sites";

    /** A site was registered. */
    public static final String ADDED = Topics.topic(CAPABILITY, "ADDED");
    /** A site changed; {@link #CHANGES} lists the fields. */
    public static final String UPDATED = Topics.topic(CAPABILITY, "UPDATED");
    /** A site was disconnected ({@link #PURGED} false) or removed with its history ({@link #PURGED} true). */
    public static final String REMOVED = Topics.topic(CAPABILITY, "REMOVED");

    /** The site's URL ({@code String}). */
    public static final String URL = "site.url";
    /** The site's status after the event ({@code String}). */
    public static final String STATUS = "site.status";
    /** Which fields changed ({@code String[]}). */
    public static final String CHANGES = "site.changes";
    /** Whether the site's history is to be deleted too ({@code Boolean}). */
    public static final String PURGED = "site.purged";

    private SiteEvents() {}
}
