package org.sitekeeper.core.api.event;

/** The standard properties of every Sitekeeper event. */
public final class EventProperties {

    /** The site concerned ({@code Long}), absent for events not about one site. */
    public static final String SITE_ID = "site.id";
    /** {@link Severity#wireName()}: {@code info}, {@code warning} or {@code critical}. */
    public static final String SEVERITY = "severity";
    /** Dedupe key: events with the same key are the same alert. */
    public static final String ALERT_KEY = "alert.key";
    /** One line for a notification subject. */
    public static final String TITLE = "title";
    /** The human sentence. */
    public static final String MESSAGE = "message";
    /** A link (path in the hub or absolute URL) to the thing concerned. */
    public static final String LINK = "link";
    /** When it happened: ISO-8601 UTC text. */
    public static final String OCCURRED_AT = "occurred.at";
    /** Who caused it, for events caused by staff or automation. */
    public static final String ACTOR = "actor";

    private EventProperties() {}
}
