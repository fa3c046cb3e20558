package org.sitekeeper.core.api.error;

/** The caller is known but may not do this: HTTP 403. */
public class ForbiddenException extends SitekeeperException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super("forbidden", message, null);
    }

    @Override
    public int status() {
        return 403;
    }
}
