package org.sitekeeper.uptime.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accepted HTTP status codes of a monitor, written like {@code 200-299}, {@code 200,301,302} or
 * {@code 200-299,401}: codes and inclusive ranges between 100 and 599.
 */
public final class StatusSet {

    public static final String DEFAULT = "200-399";

    private final int[][] ranges;
    private final String text;

    private StatusSet(int[][] ranges, String text) {
        this.ranges = ranges;
        this.text = text;
    }

    /** Parses a status list, or says what is wrong with it. */
    public static Result parse(String value) {
        if (value == null || value.isBlank()) {
            return new Result(Optional.empty(), "must list status codes, e.g. 200-299 or 200,301");
        }
        List<int[]> parts = new ArrayList<>();
        StringBuilder normal = new StringBuilder();
        for (String raw : value.split(",")) {
            String part = raw.strip();
            if (part.isEmpty()) {
                return new Result(Optional.empty(), "has an empty entry");
            }
            int dash = part.indexOf('-');
            int from;
            int to;
            try {
                if (dash < 0) {
                    from = Integer.parseInt(part);
                    to = from;
                } else {
                    from = Integer.parseInt(part.substring(0, dash).strip());
                    to = Integer.parseInt(part.substring(dash + 1).strip());
                }
            } catch (NumberFormatException e) {
                return new Result(Optional.empty(), "'" + part + "' is not a status code or a range like 200-299");
            }
            if (from < 100 || to > 599 || from > to) {
                return new Result(Optional.empty(), "'" + part + "' is outside 100-599 or runs backwards");
            }
            parts.add(new int[] {from, to});
            if (normal.length() > 0) {
                normal.append(',');
            }
            normal.append(from == to ? Integer.toString(from) : from + "-" + to);
        }
        if (parts.size() > 20) {
            return new Result(Optional.empty(), "lists more than 20 entries");
        }
        return new Result(Optional.of(new StatusSet(parts.toArray(new int[0][]), normal.toString())), null);
    }

    /** Parses a stored list, which is valid. */
    public static StatusSet of(String stored) {
        return parse(stored).set().orElseGet(() -> parse(DEFAULT).set().orElseThrow());
    }

    public boolean accepts(int status) {
        for (int[] range : ranges) {
            if (status >= range[0] && status <= range[1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    /** A parsed set, or the problem. */
    public record Result(Optional<StatusSet> set, String problem) {}
}
