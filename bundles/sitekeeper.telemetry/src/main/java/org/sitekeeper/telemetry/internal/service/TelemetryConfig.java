package org.sitekeeper.telemetry.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.sitekeeper.telemetry}. */
@ObjectClassDefinition(
        name = "Sitekeeper telemetry",
        description = "Plugin telemetry: thresholds of the monitoring jobs, rate limits, the heartbeat writer, "
                + "history kept, and WordPress connection tracking.")
public @interface TelemetryConfig {

    String PID = "org.sitekeeper.telemetry";

    @AttributeDefinition(
            name = "Stale after (hours)",
            description = "An installation without a heartbeat for longer is marked error (seed 002: 48).")
    int stale__after__hours() default 48;

    @AttributeDefinition(
            name = "High error rate (percent)",
            description = "An installation whose failing events over 24 h exceed this share has a high error rate.")
    double high__error__rate__percent() default 5.0;

    @AttributeDefinition(
            name = "Outdated alert (percent)",
            description = "The daily check raises a critical alert when more installations than this are outdated.")
    double outdated__alert__percent() default 20.0;

    @AttributeDefinition(
            name = "High error rate alert (installations)",
            description = "The daily check raises a critical alert when more installations than this have a high "
                    + "error rate.")
    int high__error__rate__alert__count() default 5;

    @AttributeDefinition(
            name = "Automatic security notices",
            description = "The daily check sends an upgrade notice to every installation a security release has "
                    + "passed by (email and SMS, seed 002's table), once per target version.")
    boolean auto__security__notices() default true;

    @AttributeDefinition(
            name = "Security notices per day",
            description = "At most this many automatic notices per daily run (the rest follow the next day).")
    int max__auto__notices() default 1000;

    @AttributeDefinition(
            name = "Rate limit (per minute)",
            description = "Heartbeats and events an installation may send per minute while a rate_limit toggle "
                    + "without its own rate is on.")
    int rate__limit__per__minute() default 60;

    @AttributeDefinition(
            name = "Hourly run (cron)",
            description = "Quartz cron (seconds first): mark outdated and stale installations, recompute error rates.")
    String hourly__cron() default "0 5 * * * ?";

    @AttributeDefinition(
            name = "Daily run (cron)",
            description = "Quartz cron: health metrics, fleet alerts, security notices, retention.")
    String daily__cron() default "0 30 3 * * ?";

    @AttributeDefinition(
            name = "Connection stale after (minutes)",
            description = "A WordPress connection (seed 001) is connected while its last heartbeat is younger than "
                    + "this, then stale, with an alert.")
    int connection__stale__minutes() default 10;

    @AttributeDefinition(name = "Events kept (days)", description = "Raw events are deleted after this.")
    int events__retention__days() default 30;

    @AttributeDefinition(
            name = "Daily metrics and notices kept (days)",
            description = "Per-installation daily metrics and upgrade notices are deleted after this.")
    int metrics__retention__days() default 365;

    @AttributeDefinition(
            name = "Write queue (heartbeats)",
            description = "Heartbeats waiting for their write at most (queued or in the batch being written); "
                    + "beyond it the hub answers 503 with Retry-After at once. Events may wait a quarter of it. "
                    + "Each waits on one of the HTTP server's threads (Pax Web: 200), so both together stay below.")
    int queue__capacity() default 128;

    @AttributeDefinition(
            name = "Heartbeat writers",
            description = "Threads writing heartbeat batches, each for its share of the installations: while one "
                    + "waits for its commit to reach the disk, another writes.")
    int writer__threads() default 2;

    @AttributeDefinition(name = "Batch size", description = "Heartbeats or events written in one transaction at most.")
    int batch__size() default 1000;

    @AttributeDefinition(
            name = "Write timeout (seconds)",
            description = "A heartbeat not written within this is answered 503 (it may still be written).")
    int write__timeout__seconds() default 10;

    @AttributeDefinition(
            name = "Plugin name",
            description = "The monitored plugin's name in upgrade notices (seed 002: \"Molam Form\").")
    String plugin__name() default "Plugin";

    @AttributeDefinition(
            name = "Upgrade link",
            description =
                    "The \"Upgrade Now\" link of upgrade notices; {plugin_id} is replaced by the installation's id.")
    String upgrade__url() default "";

    @AttributeDefinition(
            name = "Cache refresh (seconds)",
            description = "How often a node reloads keys, versions, toggles and notices changed by other nodes.")
    int refresh__seconds() default 10;
}
