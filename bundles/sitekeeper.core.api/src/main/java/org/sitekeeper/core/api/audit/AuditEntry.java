package org.sitekeeper.core.api.audit;

import java.time.Instant;

/**
 * One recorded action.
 *
 * @param id ascending id
 * @param at when
 * @param actor who: a user name, {@code token:<name>} or a component for automation
 * @param role the role the action was performed with
 * @param channel {@code rest}, {@code shell}, {@code console} or {@code system}
 * @param action what, dotted: {@code site.create}, {@code user.delete}, {@code feature.uninstall}
 * @param target on what, e.g. {@code site:42}, {@code user:bob}
 * @param outcome success, failure or denied
 * @param detail a short human note (never a secret), or {@code null}
 * @param clientAddress the remote address when known
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String role,
        String channel,
        String action,
        String target,
        AuditOutcome outcome,
        String detail,
        String clientAddress) {}
