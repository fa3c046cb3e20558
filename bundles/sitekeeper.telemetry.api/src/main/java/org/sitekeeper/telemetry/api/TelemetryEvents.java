package org.sitekeeper.telemetry.api;

import org.sitekeeper.core.api.event.Topics;

/** EventAdmin topics of telemetry, with the standard properties plus those below. */
public final class TelemetryEvents {

    public static final String CAPABILITY = "telemetry";

    /** More than the configured share of installations is outdated (fleet alert, critical). */
    public static final String OUTDATED = Topics.topic(CAPABILITY, "OUTDATED");
    /** More than the configured number of installations has a high error rate (fleet alert, critical). */
    public static final String ERROR_RATE = Topics.topic(CAPABILITY, "ERROR_RATE");
    /** A WordPress connection (seed 001) has sent no heartbeat within its window. */
    public static final String CONNECTION_STALE = Topics.topic(CAPABILITY, "CONNECTION_STALE");
    /** An upgrade notice was sent to a merchant. */
    public static final String UPGRADE = Topics.topic(CAPABILITY, "UPGRADE");
    /** A fleet alert or a stale connection is over (same {@code alert.key}). */
    public static final String RESOLVED = Topics.topic(CAPABILITY, Topics.RESOLVED);

    public static final String INSTALLATION_ID = "installation.id";
    public static final String CONNECTION_ID = "connection.id";
    public static final String PERCENTAGE = "telemetry.percentage";
    public static final String COUNT = "telemetry.count";

    public static final String OUTDATED_KEY = "telemetry:outdated";
    public static final String ERROR_RATE_KEY = "telemetry:error-rate";

    private TelemetryEvents() {}

    public static String connectionAlertKey(String connectionId) {
        return "telemetry-connection:" + connectionId;
    }
}
