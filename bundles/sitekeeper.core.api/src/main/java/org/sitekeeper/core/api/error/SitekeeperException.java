package org.sitekeeper.core.api.error;

/**
 * A failure the user can act on. Every face turns it into a clear answer: REST into
 * {@code {"error": code, "message": message, "field": field}} with {@link #status()}, the shell into an
 * error line, the console into a message on the page.
 */
public abstract class SitekeeperException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;

    protected SitekeeperException(String code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    /** The HTTP status this failure maps to. */
    public abstract int status();

    /** A stable machine-readable code, e.g. {@code invalid_value}. */
    public String code() {
        return code;
    }

    /** The request field at fault, or {@code null}. */
    public String field() {
        return field;
    }
}
