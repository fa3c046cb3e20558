package org.sitekeeper.core.api.audit;

import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.SitekeeperException;

/**
 * Records every state-changing action by staff or automation: who, with which role, what, on what, when,
 * and how it ended. Entries older than the configured retention are purged.
 */
@ProviderType
public interface AuditLog {

    /**
     * Records an action. Never throws: a failure to audit is logged, not passed to the caller.
     *
     * @param detail a short human note; must never contain a secret
     */
    void record(Actor actor, String action, String target, AuditOutcome outcome, String detail);

    /**
     * Performs a state-changing action and audits how it ended: {@code success} on the target the result
     * names, {@code denied} when the actor may not, {@code failure} when it was refused (invalid input,
     * conflict, not found) — each with the attempted target and the reason.
     *
     * @param attemptTarget what the action is about before it runs, e.g. {@code site:42} or the URL to add
     * @param successTarget the target to record from the result, e.g. {@code site:<new id>}
     */
    default <T> T perform(
            Actor actor,
            String action,
            String attemptTarget,
            Supplier<T> work,
            Function<? super T, String> successTarget) {
        T result;
        try {
            result = work.get();
        } catch (ForbiddenException e) {
            record(actor, action, attemptTarget, AuditOutcome.DENIED, e.getMessage());
            throw e;
        } catch (SitekeeperException e) {
            record(actor, action, attemptTarget, AuditOutcome.FAILURE, e.getMessage());
            throw e;
        }
        record(actor, action, successTarget.apply(result), AuditOutcome.SUCCESS, null);
        return result;
    }

    /** Entries matching {@code query}, newest first. */
    Page<AuditEntry> query(AuditQuery query);
}
