package org.sitekeeper.notifications.internal.channels;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.validation.Validate;

/** Reads a channel's settings as staff sent them (JSON values), failing with the field as {@code config.<name>}. */
final class ChannelSettings {

    private final Map<String, Object> config;

    ChannelSettings(Map<String, Object> config) {
        this.config = config;
    }

    static String field(String name) {
        return "config." + name;
    }

    /** An http(s) URL the egress policy allows. */
    String url(String name, EgressPolicy egress) {
        String url = text(name, true, 2000);
        return egress.checkUserUrl(field(name), url).toString();
    }

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
        return Validate.optionalText(field(name), text, max);
    }

    /** Free text that may span lines (templates). */
    String multiline(String name, int max) {
        Object value = config.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(field(name), field(name) + " must be text");
        }
        return Validate.optionalMultilineText(field(name), text, max);
    }

    /** A secret: any text, never echoed in messages. */
    String secret(String name, boolean required, int max) {
        Object value = config.get(name);
        if (value == null || (value instanceof String s && s.isEmpty())) {
            if (required) {
                throw InvalidInputException.missing(field(name));
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(field(name), field(name) + " must be text");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field(name), field(name) + " must be at most " + max + " characters");
        }
        return text;
    }

    int integer(String name, int defaultValue, int min, int max) {
        Object value = config.get(name);
        if (value == null) {
            return defaultValue;
        }
        long number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = ((Number) value).longValue();
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

    boolean flag(String name, boolean defaultValue) {
        Object value = config.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text) {
            return Validate.flag(field(name), text, defaultValue);
        }
        throw new InvalidInputException(field(name), field(name) + " must be true or false");
    }

    /** One of {@code allowed} (lower case), or the default when absent. */
    String choice(String name, String defaultValue, String... allowed) {
        String value = text(name, false, 40);
        if (value == null) {
            return defaultValue;
        }
        return Validate.oneOf(field(name), value.toLowerCase(Locale.ROOT), List.of(allowed));
    }
}
