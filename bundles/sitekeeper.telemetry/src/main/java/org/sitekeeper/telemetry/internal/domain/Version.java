package org.sitekeeper.telemetry.internal.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A plugin version ordered the Semantic Versioning 2.0.0 way (§11): numbers compared numerically, a pre-release
 * ({@code 1.3.0-beta.2}) before its release, pre-release identifiers compared numerically when both are numbers,
 * else as ASCII text, a number before a word, a shorter list before a longer one that starts the same; build
 * metadata ({@code +build.5}) ignored.
 *
 * <p>Plugins in the wild are not all strict: a leading {@code v}, one or two numbers ({@code 6.4} means
 * {@code 6.4.0}) and a fourth number ({@code 2.1.0.3}, common in WordPress plugins) are accepted; missing numbers
 * count as 0, so {@code 1.2} equals {@code 1.2.0}. Anything else is not a version.
 */
public final class Version implements Comparable<Version> {

    /** Longest version text accepted. */
    public static final int MAX_LENGTH = 64;

    private static final int MAX_NUMBERS = 4;
    private static final int MAX_DIGITS = 18;

    private final List<Long> numbers;
    private final List<String> preRelease;
    private final String text;

    private Version(List<Long> numbers, List<String> preRelease, String text) {
        this.numbers = numbers;
        this.preRelease = preRelease;
        this.text = text;
    }

    /** The version in {@code text}, or empty when it is not one. */
    public static Optional<Version> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (s.charAt(0) == 'v' || s.charAt(0) == 'V') {
            s = s.substring(1);
        }
        int plus = s.indexOf('+');
        if (plus >= 0) {
            if (!identifiers(s.substring(plus + 1), false)) {
                return Optional.empty();
            }
            s = s.substring(0, plus);
        }
        List<String> pre = List.of();
        int dash = s.indexOf('-');
        if (dash >= 0) {
            String tail = s.substring(dash + 1);
            if (!identifiers(tail, true)) {
                return Optional.empty();
            }
            pre = List.of(tail.split("\\.", -1));
            s = s.substring(0, dash);
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > MAX_NUMBERS) {
            return Optional.empty();
        }
        List<Long> numbers = new ArrayList<>(MAX_NUMBERS);
        for (String part : parts) {
            if (!digits(part)) {
                return Optional.empty();
            }
            numbers.add(Long.parseLong(part));
        }
        while (numbers.size() < 3) {
            numbers.add(0L);
        }
        return Optional.of(new Version(Collections.unmodifiableList(numbers), pre, text.strip()));
    }

    /** The version in {@code text}; {@link IllegalArgumentException} naming the text when it is not one. */
    public static Version of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
    }

    private static boolean digits(String part) {
        if (part.isEmpty() || part.length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Dot-separated non-empty identifiers of {@code [0-9A-Za-z-]}; pre-release numbers have no leading zero. */
    private static boolean identifiers(String text, boolean preRelease) {
        if (text.isEmpty()) {
            return false;
        }
        for (String id : text.split("\\.", -1)) {
            if (id.isEmpty()) {
                return false;
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
                if (!ok) {
                    return false;
                }
            }
            if (preRelease && numeric(id) && (id.length() > MAX_DIGITS || (id.length() > 1 && id.charAt(0) == '0'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean numeric(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public long major() {
        return numbers.get(0);
    }

    public long minor() {
        return numbers.get(1);
    }

    public long patch() {
        return numbers.get(2);
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** Whether this version is strictly newer than {@code other}. */
    public boolean isNewerThan(Version other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Version other) {
        int n = Math.max(numbers.size(), other.numbers.size());
        for (int i = 0; i < n; i++) {
            long a = i < numbers.size() ? numbers.get(i) : 0;
            long b = i < other.numbers.size() ? other.numbers.get(i) : 0;
            if (a != b) {
                return Long.compare(a, b);
            }
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            // a release is newer than any of its pre-releases
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        int m = Math.min(preRelease.size(), other.preRelease.size());
        for (int i = 0; i < m; i++) {
            int c = compareIdentifiers(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int compareIdentifiers(String a, String b) {
        boolean na = numeric(a);
        boolean nb = numeric(b);
        if (na && nb) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        if (na != nb) {
            return na ? -1 : 1; // numbers sort before words
        }
        return a.compareTo(b);
    }

    /** Equal in precedence: {@code 1.2} equals {@code 1.2.0}; build metadata does not count. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        List<Long> significant = new ArrayList<>(numbers);
        while (significant.size() > 3 && significant.get(significant.size() - 1) == 0) {
            significant.remove(significant.size() - 1);
        }
        return 31 * significant.hashCode() + preRelease.hashCode();
    }

    /** The text as it was given (trimmed). */
    @Override
    public String toString() {
        return text;
    }
}
