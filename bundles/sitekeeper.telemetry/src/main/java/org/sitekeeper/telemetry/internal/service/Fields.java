package org.sitekeeper.telemetry.internal.service;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.telemetry.internal.domain.SiteKeys;
import org.sitekeeper.telemetry.internal.domain.Version;

/** The checks of telemetry's input fields, each naming the field it refuses. */
final class Fields {

    static final Pattern CMS = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    static final Pattern MERCHANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    static final Set<String> ENVIRONMENTS = Set.of("production", "staging", "development", "local", "test");
    static final Set<String> EVENT_TYPES = Set.of("payment_success", "payment_failed", "error", "warning", "info");
    static final Set<String> SEVERITIES = Set.of("debug", "info", "warning", "error", "critical");

    private Fields() {}

    static String merchantId(String value) {
        return Validate.matches(
                "merchant_id",
                Validate.requiredText("merchant_id", value, 64),
                MERCHANT_ID,
                "letters, digits and . _ : @ - (at most 64)");
    }

    static String cms(String value) {
        String cms = Validate.requiredText("cms", value, 40).toLowerCase(Locale.ROOT);
        return Validate.matches("cms", cms, CMS, "lower-case letters, digits, _ and - such as woocommerce");
    }

    static String optionalCms(String value) {
        return value == null || value.isBlank() ? null : cms(value);
    }

    static String version(String field, String value) {
        String text = Validate.requiredText(field, value, Version.MAX_LENGTH);
        if (Version.parse(text).isEmpty()) {
            throw new InvalidInputException(field, field + " must be a version such as 1.3.5 (got " + text + ")");
        }
        return text;
    }

    /** The normalised site URL, or {@code null} when none is given. */
    static String siteUrl(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw InvalidInputException.missing(field);
            }
            return null;
        }
        return SiteKeys.normalise(value)
                .orElseThrow(() -> new InvalidInputException(
                        field, field + " must be an http(s) URL of at most " + SiteKeys.MAX_URL + " characters"));
    }

    static String environment(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Validate.oneOf("environment", value.strip().toLowerCase(Locale.ROOT), ENVIRONMENTS);
    }

    static Double errorsLastHour(Double value) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value.isInfinite() || value < 0 || value > 1e9) {
            throw new InvalidInputException("errors_last_hour", "errors_last_hour must be a number of 0 or more");
        }
        return value;
    }

    static String email(String value) {
        String email = Validate.optionalText("merchant_email", value, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("merchant_email", "merchant_email must be an email address");
        }
        return email;
    }

    static String phone(String value) {
        String phone = Validate.optionalText("merchant_phone", value, 16);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new InvalidInputException(
                    "merchant_phone", "merchant_phone must be in E.164 form, such as +221771234567");
        }
        return phone;
    }

    static Instant optionalInstant(String field, String value) {
        return value == null || value.isBlank() ? null : Validate.instant(field, value);
    }
}
