package org.sitekeeper.uptime.api;

import org.sitekeeper.core.api.event.Topics;

/**
 * Events of uptime monitoring, with the standard properties ({@code alert.key} is {@code uptime:<monitor id>} for
 * DOWN and UP, {@code uptime-cert:<monitor id>} for certificates, {@code uptime:hub} for DEGRADED) plus those below.
 */
public final class UptimeEvents {

    public static final String CAPABILITY = "uptime";

    /** A monitor was confirmed down: an incident opened. */
    public static final String DOWN = Topics.topic(CAPABILITY, "DOWN");
    /** A monitor was confirmed up again: its incident closed. */
    public static final String UP = Topics.topic(CAPABILITY, Topics.UP);
    /** A certificate crossed a warning threshold (days left in {@link #CERT_DAYS_LEFT}). */
    public static final String CERT_EXPIRING = Topics.topic(CAPABILITY, "CERT_EXPIRING");
    /** The hub cannot check properly (starved or offline): verdicts are held as unknown. */
    public static final String DEGRADED = Topics.topic(CAPABILITY, "DEGRADED");
    /** The hub checks properly again. */
    public static final String RESOLVED = Topics.topic(CAPABILITY, Topics.RESOLVED);

    public static final String MONITOR_ID = "monitor.id";
    public static final String MONITOR_URL = "monitor.url";
    public static final String INCIDENT_ID = "incident.id";
    public static final String CAUSE = "uptime.cause";
    public static final String DURATION_SECONDS = "incident.duration.seconds";
    public static final String CERT_DAYS_LEFT = "cert.days.left";
    public static final String CERT_EXPIRES_AT = "cert.expires.at";

    private UptimeEvents() {}

    /** The dedupe key of a monitor's DOWN/UP alerts. */
    public static String alertKey(long monitorId) {
        return "uptime:" + monitorId;
    }

    /** The dedupe key of a monitor's certificate warnings. */
    public static String certificateAlertKey(long monitorId) {
        return "uptime-cert:" + monitorId;
    }
}
