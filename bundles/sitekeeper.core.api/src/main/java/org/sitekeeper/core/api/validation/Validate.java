package org.sitekeeper.core.api.validation;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

import org.sitekeeper.core.api.error.InvalidInputException;

/** Checks on user input that fail with an {@link InvalidInputException} naming the field. */
public final class Validate {

    /** Every Unicode control character (C0, DEL, C1 incl. NEL) but tab, and the line and paragraph separators. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}&&[^\\t]]");

    private Validate() {}

    /** A present, non-blank, trimmed single-line text of at most {@code maxLength} characters. */
    public static String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.missing(field);
        }
        return singleLine(field, value.strip(), maxLength);
    }

    /** Like {@link #requiredText} but {@code null} or blank gives {@code null}. */
    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return singleLine(field, value.strip(), maxLength);
    }

    /** Free text that may span lines (notes, descriptions); {@code null} or blank gives {@code null}. */
    public static String optionalMultilineText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            throw new InvalidInputException(field, field + " must be at most " + maxLength + " characters");
        }
        return text;
    }

    private static String singleLine(String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new InvalidInputException(field, field + " must be at most " + maxLength + " characters");
        }
        if (CONTROL.matcher(text).find()) {
            throw new InvalidInputException(field, field + " must not contain control characters or line breaks");
        }
        return text;
    }

    /** A value that must match {@code pattern}, described to the user as {@code description}. */
    public static String matches(String field, String value, Pattern pattern, String description) {
        if (value == null) {
            throw InvalidInputException.missing(field);
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidInputException(field, field + " must be " + description);
        }
        return value;
    }

    /** One of {@code allowed}, compared ignoring case; returns the allowed spelling. */
    public static String oneOf(String field, String value, Collection<String> allowed) {
        if (value == null) {
            throw InvalidInputException.missing(field);
        }
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value.strip())) {
                return candidate;
            }
        }
        throw new InvalidInputException(field, field + " must be one of " + String.join(", ", allowed));
    }

    /** An optional integer parameter given as text, with a default and inclusive bounds. */
    public static int intInRange(String field, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number");
        }
        return intInRange(field, parsed, min, max);
    }

    /** An integer within inclusive bounds. */
    public static int intInRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInputException(field, field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** An optional boolean parameter given as text ({@code true}/{@code false}). */
    public static boolean flag(String field, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidInputException(field, field + " must be true or false");
        };
    }

    /** An optional ISO-8601 instant given as text. */
    public static java.time.Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    /** The request body must be present. */
    public static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException(
                    InvalidInputException.MISSING_FIELD, "body", "a JSON object body is required");
        }
        return body;
    }
}
