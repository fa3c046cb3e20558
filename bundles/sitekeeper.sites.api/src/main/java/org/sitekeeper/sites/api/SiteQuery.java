package org.sitekeeper.sites.api;

import org.sitekeeper.core.api.PageRequest;

/**
 * Which sites to list; {@code null} components do not filter. Sites come in id order.
 *
 * @param status only this status
 * @param group only this group (exact)
 * @param tag only sites with this tag
 * @param text name or URL contains this, ignoring case
 * @param owner only this owner
 * @param page which page
 */
public record SiteQuery(SiteStatus status, String group, String tag, String text, String owner, PageRequest page) {

    public static SiteQuery all(PageRequest page) {
        return new SiteQuery(null, null, null, null, null, page);
    }
}
