package org.sitekeeper.notifications.email.internal;

import java.util.Map;
import java.util.regex.Pattern;

import org.sitekeeper.core.api.error.InvalidInputException;

/** Reads a channel's settings as staff sent them (JSON values), failing with the field as {@code config.<name>}. */
final class ConfigReader {

    /** C0 and C1 control characters and line separators: header injection and unreadable values. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");

    private final Map<String, Object> config;

    ConfigReader(Map<String, Object> config) {
        this.config = config;
    }

    static String field(String name) {
        return "config." + name;
    }

    /** Trimmed single-line text, or {@code null} when absent or blank and not required. */
    String text(String name, boolean required, int max) {
        Object value = config.get(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                throw InvalidInputException.missing(field(name));
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(field(name), field(name) + " must be text");
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field(name), field(name) + " must be at most " + max + " characters");
        }
        if (CONTROL.matcher(stripped).find()) {
            throw new InvalidInputException(
                    field(name), field(name) + " must not contain control characters or line breaks");
        }
        return stripped;
    }

    /** A secret: kept exactly as given (no trimming) and never echoed in messages. */
    String secret(String name, int max) {
        Object value = config.get(name);
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(field(name), field(name) + " must be text");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field(name), field(name) + " must be at most " + max + " characters");
        }
        if (CONTROL.matcher(text).find()) {
            throw new InvalidInputException(field(name), field(name) + " must not contain control characters");
        }
        return text;
    }

    /** A whole number given as a JSON number or as digits, within inclusive bounds. */
    int integer(String name, int defaultValue, int min, int max) {
        Object value = config.get(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return defaultValue;
        }
        long number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = ((Number) value).longValue();
        } else if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            number = (long) n.doubleValue();
        } else if (value instanceof String text && text.strip().matches("-?\\d{1,10}")) {
            number = Long.parseLong(text.strip());
        } else {
            throw new InvalidInputException(field(name), field(name) + " must be a whole number");
        }
        if (number < min || number > max) {
            throw new InvalidInputException(field(name), field(name) + " must be between " + min + " and " + max);
        }
        return (int) number;
    }

    /** One of the {@link Security} names, or the default when absent. */
    Security security(String name, Security defaultValue) {
        String value = text(name, false, 20);
        if (value == null) {
            return defaultValue;
        }
        for (Security candidate : Security.values()) {
            if (candidate.key().equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw new InvalidInputException(field(name), field(name) + " must be one of none, starttls, tls");
    }
}
