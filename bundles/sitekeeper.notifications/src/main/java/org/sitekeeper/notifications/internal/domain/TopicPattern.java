package org.sitekeeper.notifications.internal.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sitekeeper.core.api.error.InvalidInputException;

/**
 * A topic pattern: {@code *} matches within one level, {@code **} across levels, anything else literally.
 * {@code sitekeeper/uptime/*} matches every uptime event, {@code sitekeeper/*}{@code /DOWN} every capability's DOWN,
 * {@code **} everything.
 */
public record TopicPattern(String text, Pattern regex) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_./*-]{1,200}");

    /** @throws InvalidInputException naming {@code field} when the pattern has other characters */
    public static TopicPattern parse(String field, String text) {
        if (text == null || !ALLOWED.matcher(text.strip()).matches()) {
            throw new InvalidInputException(
                    field, field + " must be a topic pattern of letters, digits, '_', '-', '.', '/' and '*'");
        }
        String pattern = text.strip();
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                boolean twice = i + 1 < pattern.length() && pattern.charAt(i + 1) == '*';
                regex.append(twice ? ".*" : "[^/]*");
                if (twice) {
                    i++;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new TopicPattern(pattern, Pattern.compile(regex.toString()));
    }

    public boolean matches(String topic) {
        return regex.matcher(topic).matches();
    }

    /**
     * Whether this pattern matches {@code topic} or may match a topic that differs from it only in the last level:
     * {@code sitekeeper/uptime/DOWN} for {@code sitekeeper/uptime/UP}. It may say yes for a pattern that matches
     * no such topic (never no for one that does): recoveries use it, and they are sent only where their alert was.
     */
    public boolean mayMatchSiblingOf(String topic) {
        if (matches(topic)) {
            return true;
        }
        int last = topic.lastIndexOf('/');
        if (last < 0) {
            return false;
        }
        // the prefix up to the last '/' is a match, or could become one with more input
        Matcher prefix = regex.matcher(topic.substring(0, last + 1));
        return prefix.matches() || prefix.hitEnd();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TopicPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
