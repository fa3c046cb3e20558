package org.sitekeeper.notifications.internal.domain;

import java.util.List;

/** What routing and templates know about a site, from the site registry when it is installed. */
public record SiteFacts(long id, String name, String url, String group, List<String> tags) {

    public SiteFacts {
        tags = List.copyOf(tags);
    }

    /** A site the registry does not know (or the registry is not installed). */
    public static SiteFacts unknown(long id) {
        return new SiteFacts(id, "site " + id, null, null, List.of());
    }
}
