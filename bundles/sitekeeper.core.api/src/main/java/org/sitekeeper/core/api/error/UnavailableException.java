package org.sitekeeper.core.api.error;

/** A dependency (database, scheduler, a remote system) is down: HTTP 503. */
public class UnavailableException extends SitekeeperException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super("unavailable", message, null);
    }

    @Override
    public int status() {
        return 503;
    }
}
