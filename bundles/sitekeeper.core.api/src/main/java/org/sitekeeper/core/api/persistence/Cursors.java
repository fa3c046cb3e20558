package org.sitekeeper.core.api.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.sitekeeper.core.api.error.InvalidInputException;

/** Opaque list cursors: the position after which the next page starts, encoded so clients do not build them. */
public final class Cursors {

    private static final String PREFIX = "after:";

    private Cursors() {}

    public static String encode(long afterId) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + afterId).getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes a cursor a client sent back; a cursor it did not get from us is a 400 naming {@code field}. */
    public static long decode(String field, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id >= 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below (NumberFormatException is an IllegalArgumentException)
        }
        throw new InvalidInputException(field, field + " is not a cursor returned by this API");
    }
}
