package org.sitekeeper.core.api.event;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * EventAdmin topics of Sitekeeper: {@code sitekeeper/<capability>/<EVENT>}, e.g. {@code sitekeeper/uptime/DOWN}.
 * Capabilities post them; notifications and other capabilities subscribe. Nothing depends on a subscriber.
 */
public final class Topics {

    /** The root every Sitekeeper topic starts with. */
    public static final String ROOT = "sitekeeper/";

    /** Subscribes to every Sitekeeper event. */
    public static final String ALL = ROOT + "*";

    /** Event names that close an alert opened by an earlier event of the same {@code alert.key}. */
    public static final String UP = "UP";

    public static final String RESOLVED = "RESOLVED";

    private static final Pattern CAPABILITY = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern EVENT = Pattern.compile("[A-Z][A-Z0-9_]*");

    private Topics() {}

    /** {@code sitekeeper/<capability>/<EVENT>}, checked for the shape. */
    public static String topic(String capability, String event) {
        if (!CAPABILITY.matcher(capability).matches()) {
            throw new IllegalArgumentException("capability must be lower-case: " + capability);
        }
        if (!EVENT.matcher(event).matches()) {
            throw new IllegalArgumentException("event must be upper-case: " + event);
        }
        return ROOT + capability + "/" + event;
    }

    /** Every event of one capability, for an EventHandler's {@code event.topics}. */
    public static String allOf(String capability) {
        return ROOT + capability.toLowerCase(Locale.ROOT) + "/*";
    }

    /** Whether a topic closes an alert ({@code …/UP} or {@code …/RESOLVED}). */
    public static boolean isRecovery(String topic) {
        return topic.endsWith("/" + UP) || topic.endsWith("/" + RESOLVED);
    }
}
