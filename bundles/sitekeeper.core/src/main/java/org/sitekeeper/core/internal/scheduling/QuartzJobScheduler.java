package org.sitekeeper.core.internal.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.health.ComponentHealth;
import org.sitekeeper.core.api.health.HealthStatus;
import org.sitekeeper.core.api.persistence.SchemaMigrator;
import org.sitekeeper.core.api.scheduling.JobInfo;
import org.sitekeeper.core.api.scheduling.JobScheduler;
import org.sitekeeper.core.api.scheduling.JobTrigger;
import org.sitekeeper.core.internal.persistence.CoreDatabase;

/**
 * {@link JobScheduler} on an embedded Quartz: in memory on one node, a clustered JDBC job store on
 * PostgreSQL when {@code clustered=true}. Jobs have stable names, so every node agrees on them.
 */
@Component(
        service = {JobScheduler.class, QuartzJobScheduler.class},
        configurationPid = "org.sitekeeper.scheduler")
@Designate(ocd = QuartzJobScheduler.Config.class)
public final class QuartzJobScheduler implements JobScheduler {

    @ObjectClassDefinition(
            name = "Sitekeeper scheduler",
            description = "Quartz for all capabilities. Clustering needs PostgreSQL shared by all nodes.")
    public @interface Config {
        @AttributeDefinition(
                name = "Clustered",
                description = "Keep jobs in the PostgreSQL database so that each firing runs on exactly one node.")
        boolean clustered() default false;

        @AttributeDefinition(name = "Threads", description = "Jobs that may run at the same time on this node.")
        int thread__count() default 4;

        @AttributeDefinition(name = "Cluster check-in (ms)", description = "How often a node tells it is alive.")
        long cluster__checkin__interval__ms() default 7500;
    }

    private static final Logger LOG = LoggerFactory.getLogger(QuartzJobScheduler.class);
    private static final String GROUP = "sitekeeper";
    private static final String DATA_SOURCE = "sitekeeper";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+");

    private final JobRegistry registry;
    private final Scheduler scheduler;
    private final boolean clustered;

    @Activate
    public QuartzJobScheduler(
            @Reference(target = "(osgi.jndi.service.name=sitekeeper)") DataSource dataSource,
            @Reference SchemaMigrator migrator,
            @Reference CoreDatabase coreTables,
            @Reference Clock clock,
            Config config)
            throws SchedulerException {
        boolean wantCluster = config.clustered();
        if (wantCluster && !"postgresql".equals(migrator.databaseVendor())) {
            LOG.error(
                    "Clustered scheduling needs PostgreSQL; the database is {}. Using the in-memory store.",
                    migrator.databaseVendor());
            wantCluster = false;
        }
        this.clustered = wantCluster;
        this.registry = new JobRegistry(clock);
        Properties properties = properties(config, clustered);
        if (clustered) {
            DBConnectionManager.getInstance().addConnectionProvider(DATA_SOURCE, provider(dataSource));
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(QuartzJobScheduler.class.getClassLoader());
        try {
            this.scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.getContext().put(DispatchJob.REGISTRY, registry);
            scheduler.start();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        LOG.info("Scheduler started ({})", clustered ? "clustered on PostgreSQL" : "in memory");
    }

    static Properties properties(Config config, boolean clustered) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "sitekeeper");
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Math.max(1, config.thread__count())));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "sitekeeper-job");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        if (clustered) {
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            p.setProperty("org.quartz.jobStore.dataSource", DATA_SOURCE);
            p.setProperty("org.quartz.jobStore.tablePrefix", "core_qrtz_");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.useProperties", "true");
            p.setProperty(
                    "org.quartz.jobStore.clusterCheckinInterval",
                    Long.toString(config.cluster__checkin__interval__ms()));
        } else {
            p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        }
        return p;
    }

    private static ConnectionProvider provider(DataSource dataSource) {
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // the DataSource belongs to pax-jdbc
            }

            @Override
            public void initialize() {
                // nothing to set up
            }
        };
    }

    @Deactivate
    void deactivate() throws SchedulerException {
        scheduler.shutdown(true);
    }

    @Override
    public void schedule(String name, String description, JobTrigger trigger, Runnable job) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("job name must be <capability>.<job> in lower case: " + name);
        }
        registry.put(name, new JobRegistry.Registration(description, trigger, job));
        JobKey jobKey = JobKey.jobKey(name, GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey(name, GROUP);
        try {
            Trigger existing = scheduler.getTrigger(triggerKey);
            if (existing != null && sameSchedule(existing, trigger)) {
                return; // keep its timing (another node or an earlier activation scheduled it)
            }
            JobDetail detail = JobBuilder.newJob(DispatchJob.class)
                    .withIdentity(jobKey)
                    .withDescription(description)
                    .storeDurably()
                    .build();
            scheduler.scheduleJob(detail, java.util.Set.of(quartzTrigger(triggerKey, trigger)), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + name + ": " + e.getMessage(), e);
        }
    }

    private static Trigger quartzTrigger(TriggerKey key, JobTrigger trigger) {
        TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger().withIdentity(key);
        if (trigger.period() != null) {
            long millis = trigger.period().toMillis();
            return builder.startAt(new Date(System.currentTimeMillis() + millis))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(millis)
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
        try {
            return builder.withSchedule(
                            CronScheduleBuilder.cronSchedule(trigger.cron()).withMisfireHandlingInstructionDoNothing())
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad cron expression '" + trigger.cron() + "': " + e.getMessage(), e);
        }
    }

    private static boolean sameSchedule(Trigger existing, JobTrigger wanted) {
        if (wanted.period() != null && existing instanceof SimpleTrigger simple) {
            return simple.getRepeatInterval() == wanted.period().toMillis();
        }
        if (wanted.cron() != null && existing instanceof CronTrigger cron) {
            return wanted.cron().equals(cron.getCronExpression());
        }
        return false;
    }

    @Override
    public void release(String name) {
        registry.remove(name);
        if (clustered) {
            return; // the schedule stays for the other nodes
        }
        try {
            if (!scheduler.isShutdown()) {
                scheduler.deleteJob(JobKey.jobKey(name, GROUP));
            }
        } catch (SchedulerException e) {
            LOG.warn("Could not remove job {}", name, e);
        }
    }

    @Override
    public List<JobInfo> jobs() {
        List<JobInfo> jobs = new ArrayList<>();
        for (Map.Entry<String, JobRegistry.Registration> entry : registry.all().entrySet()) {
            JobRegistry.Registration job = entry.getValue();
            Trigger trigger = trigger(entry.getKey());
            Instant previous = trigger == null ? null : instant(trigger.getPreviousFireTime());
            Instant lastStarted = latest(previous, job.lastStarted);
            jobs.add(new JobInfo(
                    entry.getKey(),
                    job.description,
                    job.trigger.toString(),
                    lastStarted,
                    job.lastDuration,
                    job.lastOutcome,
                    trigger == null ? null : instant(trigger.getNextFireTime()),
                    job.running));
        }
        jobs.sort(Comparator.comparing(JobInfo::name));
        return jobs;
    }

    @Override
    public void runNow(String name) {
        if (registry.get(name).isEmpty()) {
            throw NotFoundException.of("job", name);
        }
        try {
            scheduler.triggerJob(JobKey.jobKey(name, GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot run " + name + ": " + e.getMessage(), e);
        }
    }

    /** The scheduler's health for the hub: down if stopped, degraded if a job's last run failed. */
    public ComponentHealth health() {
        try {
            if (!scheduler.isStarted() || scheduler.isShutdown() || scheduler.isInStandbyMode()) {
                return new ComponentHealth("scheduler", HealthStatus.DOWN, "the scheduler is not running");
            }
        } catch (SchedulerException e) {
            return new ComponentHealth("scheduler", HealthStatus.DOWN, e.getMessage());
        }
        List<String> failing = registry.all().entrySet().stream()
                .filter(e -> e.getValue().lastOutcome != null
                        && e.getValue().lastOutcome.startsWith("failed"))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        String store = clustered ? "clustered on PostgreSQL" : "in memory";
        if (!failing.isEmpty()) {
            return new ComponentHealth(
                    "scheduler", HealthStatus.DEGRADED, "last run failed: " + String.join(", ", failing));
        }
        return ComponentHealth.up("scheduler", registry.all().size() + " jobs, " + store);
    }

    private Trigger trigger(String name) {
        try {
            return scheduler.getTrigger(TriggerKey.triggerKey(name, GROUP));
        } catch (SchedulerException e) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
