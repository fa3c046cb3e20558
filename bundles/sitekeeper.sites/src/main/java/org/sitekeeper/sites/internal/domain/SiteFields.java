package org.sitekeeper.sites.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.sites.api.SiteStatus;

/** The rules for a site's fields, shared by create and update. */
public final class SiteFields {

    public static final int MAX_NAME = 200;
    public static final int MAX_GROUP = 100;
    public static final int MAX_OWNER = 120;
    public static final int MAX_NOTES = 4000;
    public static final int MAX_TAGS = 20;
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,49}");

    private SiteFields() {}

    public static String name(String value, String url) {
        String name = Validate.optionalText("name", value, MAX_NAME);
        return name != null ? name : SiteUrls.hostOf(url);
    }

    public static String group(String value) {
        return Validate.optionalText("group", value, MAX_GROUP);
    }

    public static String owner(String value) {
        return Validate.requiredText("owner", value, MAX_OWNER);
    }

    public static String notes(String value) {
        return Validate.optionalMultilineText("notes", value, MAX_NOTES);
    }

    /** Lower-cased, de-duplicated and sorted tags; {@code null} gives none. */
    public static List<String> tags(List<String> values) {
        if (values == null) {
            return List.of();
        }
        TreeSet<String> tags = new TreeSet<>();
        for (int i = 0; i < values.size(); i++) {
            String raw = values.get(i);
            String field = "tags[" + i + "]";
            if (raw == null || raw.isBlank()) {
                throw new InvalidInputException(field, field + " must not be empty");
            }
            String tag = raw.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidInputException(
                        field, field + " must be 1–50 lower-case letters, digits, '.', '_' or '-'");
            }
            tags.add(tag);
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "a site has at most " + MAX_TAGS + " tags");
        }
        return new ArrayList<>(tags);
    }

    /** A single tag given as a filter. */
    public static String tagFilter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String tag = value.strip().toLowerCase(Locale.ROOT);
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidInputException("tag", "tag must be 1–50 lower-case letters, digits, '.', '_' or '-'");
        }
        return tag;
    }

    public static SiteStatus status(String field, String value) {
        if (value == null) {
            throw InvalidInputException.missing(field);
        }
        return SiteStatus.fromWireName(value)
                .orElseThrow(() -> new InvalidInputException(
                        field, field + " must be one of pending, active, disconnected, error"));
    }

    /** Tags in their stored form {@code ,a,b,} so that one tag can be matched with LIKE. */
    public static String storedTags(List<String> tags) {
        return tags.isEmpty() ? null : "," + String.join(",", tags) + ",";
    }

    public static List<String> parseStoredTags(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(stored.split(","))
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
