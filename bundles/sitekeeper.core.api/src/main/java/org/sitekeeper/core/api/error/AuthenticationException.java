package org.sitekeeper.core.api.error;

/** Credentials are missing or wrong: HTTP 401. The message never says which part was wrong. */
public class AuthenticationException extends SitekeeperException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super("unauthorized", message, null);
    }

    @Override
    public int status() {
        return 401;
    }
}
