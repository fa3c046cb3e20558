package org.sitekeeper.uptime.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.sitekeeper.uptime}. */
@ObjectClassDefinition(
        name = "Sitekeeper uptime",
        description = "Uptime monitoring: defaults of new monitors, the check engine's limits, history kept.")
public @interface UptimeConfig {

    String PID = "org.sitekeeper.uptime";

    @AttributeDefinition(
            name = "Monitor for each site",
            description = "Give every active site of the registry an HTTP monitor of its URL.")
    boolean site__monitors() default true;

    @AttributeDefinition(name = "Default interval (seconds)", description = "Of new monitors; 30 to 86400.")
    int default__interval__seconds() default 300;

    @AttributeDefinition(name = "Default timeout (seconds)", description = "Of new monitors; 1 to 60.")
    int default__timeout__seconds() default 10;

    @AttributeDefinition(name = "Failures before DOWN", description = "Default of new monitors; 1 to 10.")
    int default__failures__to__down() default 2;

    @AttributeDefinition(name = "Successes before UP", description = "Default of new monitors; 1 to 10.")
    int default__successes__to__up() default 1;

    @AttributeDefinition(
            name = "Confirmation delay (seconds)",
            description = "After a first failure, check again this soon (at most half the interval) to confirm it.")
    int confirm__delay__seconds() default 20;

    @AttributeDefinition(
            name = "Concurrent checks",
            description = "Checks in flight at once on this node; hanging targets hold a slot until their timeout.")
    int max__concurrent__checks() default 4000;

    @AttributeDefinition(name = "Concurrent checks per host", description = "Of one target host at once.")
    int max__per__host() default 8;

    @AttributeDefinition(
            name = "Checks leased ahead",
            description = "Most checks this node holds leased (waiting for their time, running or being written).")
    int max__outstanding() default 20000;

    @AttributeDefinition(
            name = "Look-ahead (milliseconds)",
            description = "Checks due this soon are leased and timed locally, so they start on time.")
    int lookahead__millis() default 3000;

    @AttributeDefinition(
            name = "Starved after (seconds)",
            description = "A check that starts this late, or whose answer arrives well past its deadline, tells "
                    + "about the hub, not the target: a failure then counts as unknown.")
    int starved__lag__seconds() default 10;

    @AttributeDefinition(
            name = "Offline share",
            description = "When this share (percent) of the checks of the last 30 s could not reach 10 or more "
                    + "different targets, the hub considers its own network down: failures count as unknown.")
    int offline__percent() default 90;

    @AttributeDefinition(
            name = "Certificate warnings (days)",
            description = "Warn as a certificate's days left cross each of these thresholds.")
    String certificate__warning__days() default "30,14,7";

    @AttributeDefinition(
            name = "Raw results kept (hours)",
            description = "State changes are kept as long as day rollups.")
    int raw__retention__hours() default 48;

    @AttributeDefinition(name = "Hour rollups kept (days)")
    int hour__retention__days() default 8;

    @AttributeDefinition(name = "Day rollups and incidents kept (days)")
    int day__retention__days() default 400;

    @AttributeDefinition(name = "HTTP client threads")
    int http__threads() default 64;

    @AttributeDefinition(name = "User agent")
    String user__agent() default "Sitekeeper-Uptime/1.0 (+https://sitekeeper.org)";
}
