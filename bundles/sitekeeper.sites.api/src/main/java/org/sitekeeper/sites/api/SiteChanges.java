package org.sitekeeper.sites.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partial update (PATCH): only the fields set here change; a field set to {@code null} is cleared where
 * that is allowed (group, tags, notes). Set through the setters (as JSON binding does) or the fluent methods.
 */
public final class SiteChanges {

    public static final String URL = "url";
    public static final String NAME = "name";
    public static final String GROUP = "group";
    public static final String TAGS = "tags";
    public static final String OWNER = "owner";
    public static final String NOTES = "notes";
    public static final String STATUS = "status";

    private final Map<String, Object> values = new LinkedHashMap<>();

    public void setUrl(String url) {
        values.put(URL, url);
    }

    public void setName(String name) {
        values.put(NAME, name);
    }

    public void setGroup(String group) {
        values.put(GROUP, group);
    }

    public void setTags(List<String> tags) {
        values.put(TAGS, tags);
    }

    public void setOwner(String owner) {
        values.put(OWNER, owner);
    }

    public void setNotes(String notes) {
        values.put(NOTES, notes);
    }

    public void setStatus(String status) {
        values.put(STATUS, status);
    }

    /** Fluent form of the setters, for the shell and the console. */
    public SiteChanges with(String field, Object value) {
        if (!Set.of(URL, NAME, GROUP, TAGS, OWNER, NOTES, STATUS).contains(field)) {
            throw new IllegalArgumentException("unknown site field " + field);
        }
        values.put(field, value);
        return this;
    }

    /** Whether {@code field} is part of the change. */
    public boolean changes(String field) {
        return values.containsKey(field);
    }

    /** The new value of a text field ({@code null} clears it). */
    public String text(String field) {
        Object value = values.get(field);
        return value == null ? null : value.toString();
    }

    /** The new tags ({@code null} clears them). */
    @SuppressWarnings("unchecked")
    public List<String> tags() {
        return (List<String>) values.get(TAGS);
    }

    /** The fields that change, in the order they were given. */
    public Set<String> fields() {
        return Collections.unmodifiableSet(values.keySet());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
