package org.sitekeeper.core.internal.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.persistence.Transactions;
import org.sitekeeper.core.api.scheduling.JobScheduler;
import org.sitekeeper.core.api.scheduling.JobTrigger;
import org.sitekeeper.core.internal.persistence.CoreDatabase;

/** Keeps the core tables bounded: old audit entries and long-ended API tokens are deleted daily. */
@Component(immediate = true, configurationPid = "org.sitekeeper.audit")
@Designate(ocd = CoreRetention.Config.class)
public final class CoreRetention {

    @ObjectClassDefinition(name = "Sitekeeper audit and retention", description = "How long core records are kept.")
    public @interface Config {
        @AttributeDefinition(
                name = "Audit retention (days)",
                description = "Audit entries older than this are deleted.")
        int retention__days() default 365;

        @AttributeDefinition(
                name = "Ended token retention (days)",
                description = "Revoked or expired API tokens are deleted this long after they ended.")
        int ended__token__retention__days() default 90;

        @AttributeDefinition(name = "Schedule", description = "Quartz cron expression of the clean-up.")
        String schedule() default "0 17 3 * * ?";
    }

    static final String JOB = "core.retention";
    private static final Logger LOG = LoggerFactory.getLogger(CoreRetention.class);

    private final CoreDatabase db;
    private final Clock clock;
    private final JobScheduler scheduler;
    private final Duration auditRetention;
    private final Duration tokenRetention;

    @Activate
    public CoreRetention(
            @Reference CoreDatabase db, @Reference Clock clock, @Reference JobScheduler scheduler, Config config) {
        this.db = db;
        this.clock = clock;
        this.scheduler = scheduler;
        this.auditRetention = Duration.ofDays(Math.max(1, config.retention__days()));
        this.tokenRetention = Duration.ofDays(Math.max(1, config.ended__token__retention__days()));
        scheduler.schedule(
                JOB,
                "Deletes audit entries and ended API tokens past their retention",
                JobTrigger.cron(config.schedule()),
                this::purge);
    }

    @Deactivate
    void deactivate() {
        scheduler.release(JOB);
    }

    /** Deletes what is past retention; returns how many audit entries went. */
    int purge() {
        Instant now = clock.instant();
        int audits = Transactions.inTransaction(db.emf(), em -> em.createNamedQuery("Audit.purgeBefore")
                .setParameter("before", now.minus(auditRetention).toEpochMilli())
                .executeUpdate());
        int tokens = Transactions.inTransaction(db.emf(), em -> em.createNamedQuery("Token.purgeEnded")
                .setParameter("before", now.minus(tokenRetention).toEpochMilli())
                .executeUpdate());
        if (audits + tokens > 0) {
            LOG.info("Retention: deleted {} audit entries and {} ended API tokens", audits, tokens);
        }
        return audits;
    }
}
