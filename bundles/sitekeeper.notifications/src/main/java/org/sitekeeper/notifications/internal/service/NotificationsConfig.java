package org.sitekeeper.notifications.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.sitekeeper.notifications} ({@code etc/org.sitekeeper.notifications.cfg}). */
@ObjectClassDefinition(
        name = "Sitekeeper notifications",
        description = "The outbox, retries, retention and templates of notifications")
public @interface NotificationsConfig {

    String PID = "org.sitekeeper.notifications";

    @AttributeDefinition(
            description = "The hub's public URL (e.g. https://hub.example.com), to make links in messages absolute")
    String public__url() default "";

    @AttributeDefinition(description = "Hours a delivery is retried before it is given up as failed")
    int delivery__deadline__hours() default 24;

    @AttributeDefinition(description = "Seconds before the first retry; doubles per attempt, with ±20 % jitter")
    int retry__base__seconds() default 10;

    @AttributeDefinition(description = "Longest wait between two attempts, in seconds")
    int retry__max__seconds() default 3600;

    @AttributeDefinition(description = "Seconds one attempt may take before it counts as a timeout")
    int attempt__timeout__seconds() default 20;

    @AttributeDefinition(description = "Deliveries sent in parallel by this node")
    int workers() default 8;

    @AttributeDefinition(
            description = "Events waiting to be written to the outbox; beyond this they are dropped and counted")
    int intake__queue__size() default 20000;

    @AttributeDefinition(description = "Milliseconds between two looks at the outbox when nothing woke the sender")
    int poll__millis() default 1000;

    @AttributeDefinition(description = "Most alerts one grouped message carries; the rest follow in the next one")
    int max__group__size() default 50;

    @AttributeDefinition(description = "Days the delivery log, the inbox and closed alerts are kept")
    int retention__days() default 90;

    @AttributeDefinition(description = "Quartz cron expression of the daily clean-up (seconds first)")
    String retention__schedule() default "0 37 3 * * ?";

    @AttributeDefinition(
            description = "Directory of template overrides; empty: etc/sitekeeper/templates under the Karaf home")
    String templates__dir() default "";
}
