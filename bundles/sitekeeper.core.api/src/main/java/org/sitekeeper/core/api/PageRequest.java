package org.sitekeeper.core.api;

import org.sitekeeper.core.api.persistence.Cursors;
import org.sitekeeper.core.api.validation.Validate;

/**
 * Which page of a list to return: at most {@code limit} items after the position in {@code cursor}.
 *
 * @param limit how many items at most, 1 to {@link #MAX_LIMIT}
 * @param after the id after which the page starts, 0 for the first page
 */
public record PageRequest(int limit, long after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
    }

    /** The first page with the default size. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, 0);
    }

    /**
     * Parses the {@code limit} and {@code cursor} parameters as a user sent them.
     *
     * @throws org.sitekeeper.core.api.error.InvalidInputException naming {@code limit} or {@code cursor}
     */
    public static PageRequest parse(String limit, String cursor) {
        int size = Validate.intInRange("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        long after = cursor == null || cursor.isBlank() ? 0 : Cursors.decode("cursor", cursor);
        return new PageRequest(size, after);
    }
}
