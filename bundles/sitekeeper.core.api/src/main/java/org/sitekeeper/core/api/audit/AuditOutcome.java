package org.sitekeeper.core.api.audit;

import java.util.Locale;

import org.sitekeeper.core.api.error.InvalidInputException;

/** How an audited action ended. */
public enum AuditOutcome {
    /** It was done. */
    SUCCESS,
    /** It was attempted and failed (invalid input, conflict, error). */
    FAILURE,
    /** The actor was not allowed to do it. */
    DENIED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an optional outcome a user gave; {@code null} or blank gives {@code null}. */
    public static AuditOutcome parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (AuditOutcome outcome : values()) {
            if (outcome.wireName().equalsIgnoreCase(value.strip())) {
                return outcome;
            }
        }
        throw new InvalidInputException(field, field + " must be one of success, failure, denied");
    }
}
