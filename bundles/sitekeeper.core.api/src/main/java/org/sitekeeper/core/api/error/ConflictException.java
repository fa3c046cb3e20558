package org.sitekeeper.core.api.error;

/** The request clashes with what is stored, e.g. a duplicate: HTTP 409. */
public class ConflictException extends SitekeeperException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String field, String message) {
        super("conflict", message, field);
    }

    @Override
    public int status() {
        return 409;
    }
}
