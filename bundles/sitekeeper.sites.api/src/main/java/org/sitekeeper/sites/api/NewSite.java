package org.sitekeeper.sites.api;

import java.util.List;

/**
 * A site to register.
 *
 * @param url http or https URL of the site (required)
 * @param name display name; the host name when absent
 * @param group site group, optional
 * @param tags tags, optional: lower-case letters, digits, {@code . _ -}; at most 20
 * @param owner owning account; the caller when absent (only admins may name another owner)
 * @param notes free text, optional
 * @param status initial status, {@code pending} when absent
 */
public record NewSite(
        String url, String name, String group, List<String> tags, String owner, String notes, String status) {

    /** A site with only a URL. */
    public static NewSite of(String url) {
        return new NewSite(url, null, null, null, null, null, null);
    }
}
