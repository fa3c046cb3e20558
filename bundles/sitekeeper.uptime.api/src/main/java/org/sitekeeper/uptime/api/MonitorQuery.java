package org.sitekeeper.uptime.api;

import org.sitekeeper.core.api.PageRequest;

/**
 * Which monitors to list, in id order; {@code null} components do not filter.
 *
 * @param state only monitors in this state
 * @param siteId only monitors of this site
 * @param text name or URL contains this, ignoring case
 */
public record MonitorQuery(MonitorState state, Long siteId, String text, PageRequest page) {

    public static MonitorQuery all(PageRequest page) {
        return new MonitorQuery(null, null, null, page);
    }
}
