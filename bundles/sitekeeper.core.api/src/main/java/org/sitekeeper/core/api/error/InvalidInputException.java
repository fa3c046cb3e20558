package org.sitekeeper.core.api.error;

/** Input that is missing, of the wrong type or not acceptable: HTTP 400, naming the field. */
public class InvalidInputException extends SitekeeperException {

    private static final long serialVersionUID = 1L;

    public static final String INVALID_VALUE = "invalid_value";
    public static final String MISSING_FIELD = "missing_field";

    public InvalidInputException(String field, String message) {
        this(INVALID_VALUE, field, message);
    }

    public InvalidInputException(String code, String field, String message) {
        super(code, message, field);
    }

    /** A required field that was absent or null. */
    public static InvalidInputException missing(String field) {
        return new InvalidInputException(MISSING_FIELD, field, field + " is required");
    }

    @Override
    public int status() {
        return 400;
    }
}
