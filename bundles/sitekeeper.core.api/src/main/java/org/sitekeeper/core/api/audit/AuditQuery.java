package org.sitekeeper.core.api.audit;

import java.time.Instant;

import org.sitekeeper.core.api.PageRequest;

/**
 * A filter over the audit log; {@code null} components do not filter. Newest entries come first.
 *
 * @param actor exact actor
 * @param actionPrefix actions starting with this, e.g. {@code site.}
 * @param target exact target
 * @param outcome exact outcome
 * @param since entries at or after
 * @param until entries before
 * @param page which page
 */
public record AuditQuery(
        String actor,
        String actionPrefix,
        String target,
        AuditOutcome outcome,
        Instant since,
        Instant until,
        PageRequest page) {

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, null, new PageRequest(limit, 0));
    }
}
