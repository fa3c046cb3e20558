package org.sitekeeper.core.api.error;

/** The thing asked for does not exist: HTTP 404. */
public class NotFoundException extends SitekeeperException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super("not_found", message, null);
    }

    /** {@code "<what> <id> does not exist"}. */
    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id + " does not exist");
    }

    @Override
    public int status() {
        return 404;
    }
}
