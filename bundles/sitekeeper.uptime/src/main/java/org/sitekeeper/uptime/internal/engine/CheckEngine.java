package org.sitekeeper.uptime.internal.engine;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.cluster.NodeIdentity;
import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.error.ConflictException;
import org.sitekeeper.core.api.error.NotFoundException;
import org.sitekeeper.core.api.error.UnavailableException;
import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.core.api.event.SitekeeperEvent;
import org.sitekeeper.core.api.security.SecretBox;
import org.sitekeeper.uptime.api.CheckResultDto;
import org.sitekeeper.uptime.api.FailureCause;
import org.sitekeeper.uptime.api.MonitorState;
import org.sitekeeper.uptime.api.UptimeEvents;
import org.sitekeeper.uptime.internal.domain.CertificateWarnings;
import org.sitekeeper.uptime.internal.domain.FailureCauses;
import org.sitekeeper.uptime.internal.domain.NetworkWatch;
import org.sitekeeper.uptime.internal.domain.Probe;
import org.sitekeeper.uptime.internal.domain.StatusSet;
import org.sitekeeper.uptime.internal.domain.Verdict;
import org.sitekeeper.uptime.internal.service.MonitorHeaders;
import org.sitekeeper.uptime.internal.service.UptimeConfig;
import org.sitekeeper.uptime.internal.service.UptimeStores;
import org.sitekeeper.uptime.internal.store.CheckWrite;
import org.sitekeeper.uptime.internal.store.MonitorRow;
import org.sitekeeper.uptime.internal.store.MonitorStore;

/**
 * Runs the checks. A lease loop takes monitors due within the look-ahead from the database in batches (so several
 * nodes share the work and none checks a monitor another holds), a timer starts each at its due time, checks run
 * non-blocking under a global and a per-host limit with a hard deadline, and a writer stores finished checks in
 * batched transactions and then posts their events. Everything in between is bounded by
 * {@code max_outstanding}: when the database stalls, the loop simply leases nothing more.
 */
@Component(service = CheckEngine.class, configurationPid = UptimeConfig.PID)
@Designate(ocd = UptimeConfig.class)
public final class CheckEngine {

    /** Lease beyond the look-ahead: the longest timeout plus time to write. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(120);

    private static final Logger LOG = LoggerFactory.getLogger(CheckEngine.class);

    private final MonitorStore monitors;
    private final EgressPolicy policy;
    private final SecretBox secrets;
    private final EventAdmin events;
    private final Clock clock;
    private final String node;
    private volatile UptimeConfig config;
    private volatile List<Integer> certificateThresholds;
    private volatile Duration confirmDelay;
    private volatile long starvedLagMillis;

    private final HttpProber http;
    private final TcpProber tcp;
    private final ThreadPoolExecutor resolver;
    private final ScheduledThreadPoolExecutor timer;
    private final StallWatch stalls = new StallWatch(1_000);
    private final LagRecorder lags = new LagRecorder(50_000);
    private volatile NetworkWatch network;

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong checks = new AtomicLong();
    private final AtomicLong unknowns = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private final BlockingQueue<Finished> finished;
    private final Object gate = new Object();
    private final ArrayDeque<Started> waiting = new ArrayDeque<>();
    private final Map<String, Integer> perHost = new HashMap<>();
    private int running;

    private final Thread leaseLoop;
    private final Thread writerLoop;
    private volatile boolean active = true;
    private volatile String offline;
    private volatile String lastError;

    /** A leased check on its way: row, token, when it was due, who waits for its result. */
    private record Started(MonitorRow row, String token, CompletableFuture<CheckResultDto> waiter) {}

    private record Finished(Started check, Probe probe, long lagMillis) {}

    /** What the engine is doing, for the REST overview, the shell and the benchmark. */
    public record Stats(
            long checks,
            long unknown,
            int running,
            int outstanding,
            int waitingForSlot,
            long lagP50Millis,
            long lagP99Millis,
            long lagMaxMillis,
            long writeFailures,
            String offlineReason,
            String lastError) {}

    @Activate
    public CheckEngine(
            @Reference UptimeStores stores,
            @Reference EgressPolicy policy,
            @Reference SecretBox secrets,
            @Reference EventAdmin events,
            @Reference Clock clock,
            @Reference NodeIdentity identity,
            UptimeConfig config)
            throws Exception {
        this.monitors = stores.monitors();
        this.policy = policy;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
        this.node = identity.id();
        this.config = config;
        this.certificateThresholds = thresholds(config.certificate__warning__days());
        this.confirmDelay = Duration.ofSeconds(Math.max(1, config.confirm__delay__seconds()));
        this.starvedLagMillis = Math.max(1, config.starved__lag__seconds()) * 1000L;
        this.network = networkWatch(config);
        this.finished = new ArrayBlockingQueue<>(Math.max(100, config.max__outstanding()) + 100);
        AtomicInteger resolvers = new AtomicInteger();
        this.resolver = new ThreadPoolExecutor(
                32,
                32,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1000, config.max__outstanding())),
                r -> {
                    Thread t = new Thread(r, "sitekeeper-uptime-dns-" + resolvers.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        resolver.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sitekeeper-uptime-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.http = new HttpProber(policy, resolver, config.http__threads(), config.user__agent());
        this.tcp = new TcpProber(policy, resolver, timer);
        int released = monitors.releaseAll(node + "/");
        if (released > 0) {
            LOG.info("{} uptime checks leased before this node restarted are due again", released);
        }
        this.leaseLoop = new Thread(this::leaseLoop, "sitekeeper-uptime-lease");
        this.writerLoop = new Thread(this::writerLoop, "sitekeeper-uptime-writer");
        leaseLoop.setDaemon(true);
        writerLoop.setDaemon(true);
        leaseLoop.start();
        writerLoop.start();
    }

    /**
     * Takes new limits, delays and thresholds without a restart; the HTTP client's threads and user agent and the
     * result queue's size keep their values until the bundle restarts.
     */
    @Modified
    void modified(UptimeConfig changed) {
        this.config = changed;
        this.certificateThresholds = thresholds(changed.certificate__warning__days());
        this.confirmDelay = Duration.ofSeconds(Math.max(1, changed.confirm__delay__seconds()));
        this.starvedLagMillis = Math.max(1, changed.starved__lag__seconds()) * 1000L;
        this.network = networkWatch(changed);
    }

    private static NetworkWatch networkWatch(UptimeConfig config) {
        return new NetworkWatch(30_000, 20, 10, Math.max(1, Math.min(100, config.offline__percent())) / 100.0);
    }

    @Deactivate
    public void deactivate() throws Exception {
        active = false;
        leaseLoop.interrupt();
        writerLoop.interrupt();
        leaseLoop.join(5_000);
        writerLoop.join(10_000);
        timer.shutdownNow();
        stalls.close();
        try {
            http.close();
        } finally {
            tcp.close();
            resolver.shutdownNow();
            try {
                monitors.releaseAll(node + "/"); // what is left is due again, here or on another node
            } catch (RuntimeException e) {
                LOG.warn("Could not give back the leased uptime checks: {}", e.toString());
            }
        }
    }

    public Stats stats() {
        synchronized (gate) {
            return new Stats(
                    checks.get(),
                    unknowns.get(),
                    running,
                    outstanding.get(),
                    waiting.size(),
                    lags.percentile(50),
                    lags.percentile(99),
                    lags.percentile(100),
                    writeFailures.get(),
                    offline,
                    lastError);
        }
    }

    /** Why the hub cannot check properly now, or {@code null}. */
    public String degradedReason() {
        return offline;
    }

    /**
     * Checks a monitor now and records it like a scheduled check.
     *
     * @throws ConflictException when a check of it is under way
     */
    public CheckResultDto checkNow(long monitorId) {
        long now = clock.millis();
        MonitorRow row = monitors.find(monitorId).orElseThrow(() -> NotFoundException.of("monitor", monitorId));
        if (!row.enabled()) {
            throw new ConflictException(
                    "id", "monitor " + monitorId + " is paused; resume it (enabled: true) to check it");
        }
        String token = token();
        Optional<MonitorRow> claimed =
                monitors.claimOne(row.id(), token, now, now + row.timeoutSeconds() * 1000L + LEASE_MARGIN.toMillis());
        if (claimed.isEmpty()) {
            throw new ConflictException("id", "a check of monitor " + monitorId + " is under way; try again shortly");
        }
        CompletableFuture<CheckResultDto> waiter = new CompletableFuture<>();
        outstanding.incrementAndGet();
        start(new Started(claimed.get(), token, waiter));
        try {
            return waiter.get(claimed.get().timeoutSeconds() + 30L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while checking");
        } catch (ExecutionException e) {
            throw new UnavailableException(
                    "the check could not be stored: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new UnavailableException("the check is taking longer than its timeout; see its results shortly");
        }
    }

    private String token() {
        return node + "/" + sequence.incrementAndGet();
    }

    // ---------------------------------------------------------------- leasing and timing

    private void leaseLoop() {
        long pause = 200;
        while (active) {
            try {
                int free = Math.max(0, config.max__outstanding() - outstanding.get());
                if (free > 0) {
                    long now = clock.millis();
                    long horizon = now + Math.max(200, config.lookahead__millis());
                    List<MonitorRow> due = monitors.claimDue(
                            token(), now, horizon, horizon + LEASE_MARGIN.toMillis(), Math.min(free, 2000));
                    for (MonitorRow row : due) {
                        outstanding.incrementAndGet();
                        schedule(row, now);
                    }
                    if (due.size() == Math.min(free, 2000) && !due.isEmpty()) {
                        continue; // more may be due right now
                    }
                }
                pause = 200;
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                if (!active) {
                    return;
                }
            } catch (RuntimeException e) {
                lastError = e.toString();
                LOG.warn("Could not lease due uptime checks ({}); trying again in {} ms", e.toString(), pause);
                sleepQuietly(pause);
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void schedule(MonitorRow row, long now) {
        String token = row.claimedBy();
        Started check = new Started(row, token, null);
        long delay = row.nextDueAt() - now;
        if (delay <= 0) {
            start(check);
        } else {
            timer.schedule(() -> start(check), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts a check now, or queues it until a slot (overall and for its host) is free. */
    private void start(Started check) {
        synchronized (gate) {
            if (!admit(check)) {
                waiting.addLast(check);
                return;
            }
        }
        run(check);
    }

    private boolean admit(Started check) {
        String host = check.row().host();
        int forHost = perHost.getOrDefault(host, 0);
        if (running >= Math.max(1, config.max__concurrent__checks())
                || forHost >= Math.max(1, config.max__per__host())) {
            return false;
        }
        running++;
        perHost.put(host, forHost + 1);
        return true;
    }

    private void release(Started done) {
        List<Started> next = new ArrayList<>();
        synchronized (gate) {
            running--;
            String host = done.row().host();
            int forHost = perHost.getOrDefault(host, 1) - 1;
            if (forHost <= 0) {
                perHost.remove(host);
            } else {
                perHost.put(host, forHost);
            }
            Iterator<Started> it = waiting.iterator();
            int looked = 0;
            while (it.hasNext() && looked++ < 256) {
                Started candidate = it.next();
                if (admit(candidate)) {
                    it.remove();
                    next.add(candidate);
                    if (running >= config.max__concurrent__checks()) {
                        break;
                    }
                }
            }
        }
        next.forEach(this::run);
    }

    private void run(Started check) {
        // a check asked for now has no due time to be late for
        long lag = check.waiter() == null ? clock.millis() - check.row().nextDueAt() : 0;
        if (check.waiter() == null) {
            lags.record(lag);
        }
        inFlight.incrementAndGet();
        CompletableFuture<Probe> probe;
        try {
            CheckSpec spec = spec(check.row());
            probe = "tcp".equals(spec.type()) ? tcp.check(spec) : http.check(spec);
        } catch (RuntimeException e) {
            probe = CompletableFuture.completedFuture(
                    new Probe(FailureCause.ERROR, FailureCauses.describe(e), null, null, null, Instant.now(), false));
        }
        probe.whenComplete((p, e) -> {
            inFlight.decrementAndGet();
            release(check);
            Probe seen = p != null
                    ? p
                    : new Probe(FailureCause.ERROR, FailureCauses.describe(e), null, null, null, Instant.now(), false);
            if (!finished.offer(new Finished(check, seen, lag))) {
                // cannot happen while the queue is larger than max_outstanding; never block an I/O thread
                outstanding.decrementAndGet();
                LOG.warn(
                        "Dropped the result of monitor {}: the result queue is full",
                        check.row().id());
            }
        });
    }

    private CheckSpec spec(MonitorRow row) {
        Map<String, String> headers = MonitorHeaders.open(secrets, row.id(), row.headersSealed());
        URI uri = URI.create(row.url());
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        return new CheckSpec(
                row.id(),
                row.type(),
                uri,
                uri.getHost(),
                port,
                row.method(),
                headers,
                StatusSet.of(row.expectedStatus()),
                row.keyword(),
                row.keywordAbsent(),
                row.followRedirects(),
                row.maxResponseMs(),
                Duration.ofSeconds(row.timeoutSeconds()),
                row.ignoreTls());
    }

    // ---------------------------------------------------------------- writing

    private void writerLoop() {
        List<Finished> batch = new ArrayList<>();
        long pause = 100;
        int attempts = 0;
        while (active || !finished.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Finished first = finished.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        updateOffline(clock.millis());
                        continue;
                    }
                    batch.add(first);
                    finished.drainTo(batch, 999);
                }
                attempts++;
                write(batch);
                batch.clear();
                pause = 100;
                attempts = 0;
            } catch (InterruptedException e) {
                if (!active && finished.isEmpty() && batch.isEmpty()) {
                    return;
                }
                if (!active) {
                    return; // the leases run out or are given back: the checks run again
                }
            } catch (RuntimeException e) {
                writeFailures.incrementAndGet();
                lastError = e.toString();
                if (attempts >= 8) {
                    // the database keeps refusing these: drop them; their leases run out and they are checked again
                    LOG.error(
                            "Dropped {} uptime results the database refused {} times: {}",
                            batch.size(),
                            attempts,
                            e.toString());
                    outstanding.addAndGet(-batch.size());
                    batch.forEach(f -> {
                        if (f.check().waiter() != null) {
                            f.check().waiter().completeExceptionally(e);
                        }
                    });
                    batch.clear();
                    attempts = 0;
                    continue;
                }
                LOG.warn("Could not store {} uptime results ({}); trying again in {} ms", batch.size(), e, pause);
                if (!active) {
                    return;
                }
                sleepQuietly(pause);
                pause = Math.min(pause * 2, 5_000);
            }
        }
    }

    private void write(List<Finished> batch) {
        long now = clock.millis();
        for (Finished f : batch) {
            network.record(
                    now,
                    !f.probe().passed() && FailureCauses.isNetwork(f.probe().cause()),
                    f.check().row().host());
        }
        updateOffline(now);
        List<Judgement> judgements = new ArrayList<>(batch.size());
        List<CheckWrite> writes = new ArrayList<>(batch.size());
        Instant at = Instant.ofEpochMilli(now);
        for (Finished f : batch) {
            Judgement j = Judgement.of(
                    f.check().row(),
                    f.check().token(),
                    f.probe(),
                    unreliable(f),
                    at,
                    confirmDelay,
                    certificateThresholds);
            judgements.add(j);
            writes.add(j.write());
        }
        List<MonitorStore.Written> written = monitors.record(writes);
        outstanding.addAndGet(-batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Finished f = batch.get(i);
            Judgement j = judgements.get(i);
            MonitorStore.Written w = written.get(i);
            checks.incrementAndGet();
            if ("unknown".equals(j.write().outcome())) {
                unknowns.incrementAndGet();
            }
            if (w.applied()) {
                announce(f.check().row(), j, w.incidentId(), at);
            }
            if (f.check().waiter() != null) {
                if (w.applied()) {
                    f.check().waiter().complete(result(j.write(), f.probe()));
                } else {
                    f.check().waiter().completeExceptionally(new IllegalStateException("the lease was lost"));
                }
            }
        }
    }

    private String unreliable(Finished f) {
        Probe probe = f.probe();
        if (probe.passed()) {
            return null;
        }
        if (offline != null) {
            return "the hub's network looks down";
        }
        if (probe.overran()) {
            return "the hub answered its own deadline late";
        }
        if (f.lagMillis() > starvedLagMillis) {
            return "the hub started the check " + f.lagMillis() / 1000 + " s late";
        }
        long from = probe.startedAt().toEpochMilli();
        if (stalls.stalledDuring(from, clock.millis())) {
            return "the hub stalled during the check";
        }
        return null;
    }

    private void updateOffline(long now) {
        String reason = network.offlineReason(now);
        String before = offline;
        if ((reason == null) == (before == null)) {
            if (reason != null) {
                offline = reason;
            }
            return;
        }
        offline = reason;
        Instant at = Instant.ofEpochMilli(now);
        if (reason != null) {
            LOG.warn("Uptime verdicts held: {}", reason);
            post(SitekeeperEvent.of(UptimeEvents.CAPABILITY, "DEGRADED")
                    .severity(Severity.CRITICAL)
                    .alertKey("uptime:hub")
                    .title("The hub cannot check its monitors properly")
                    .message(reason + ". Failures count as unknown until it can; no monitor is marked down meanwhile.")
                    .occurredAt(at));
        } else {
            LOG.info("Uptime checks reach their targets again");
            post(SitekeeperEvent.of(UptimeEvents.CAPABILITY, "RESOLVED")
                    .severity(Severity.INFO)
                    .alertKey("uptime:hub")
                    .title("The hub checks its monitors properly again")
                    .message("Its checks reach their targets again.")
                    .occurredAt(at));
        }
    }

    private void announce(MonitorRow row, Judgement j, Long incidentId, Instant at) {
        CheckWrite w = j.write();
        if (j.transition() == Verdict.Transition.WENT_DOWN) {
            String cause = w.cause() == null ? "error" : w.cause();
            post(event("DOWN", row, at)
                    .severity(Severity.CRITICAL)
                    .alertKey(UptimeEvents.alertKey(row.id()))
                    .title(row.name() + " is down")
                    .message(cause + ": " + (w.detail() == null ? "failed" : w.detail()) + " (" + w.failures()
                            + " checks in a row)")
                    .property(UptimeEvents.CAUSE, cause)
                    .property(UptimeEvents.INCIDENT_ID, incidentId));
        } else if (j.transition() == Verdict.Transition.WENT_UP) {
            long seconds = Math.max(0, (w.checkedAt() - row.stateSince()) / 1000);
            post(event("UP", row, at)
                    .severity(Severity.INFO)
                    .alertKey(UptimeEvents.alertKey(row.id()))
                    .title(row.name() + " is up again")
                    .message("Down for " + humanDuration(seconds) + "; answered in "
                            + (w.responseMs() == null ? "?" : w.responseMs()) + " ms")
                    .property(UptimeEvents.INCIDENT_ID, incidentId)
                    .property(UptimeEvents.DURATION_SECONDS, seconds));
        }
        CertificateWarnings.Decision cert = j.certificate();
        if (cert != null && cert.warn()) {
            post(event("CERT_EXPIRING", row, at)
                    .severity(cert.daysLeft() <= 7 ? Severity.CRITICAL : Severity.WARNING)
                    .alertKey(UptimeEvents.certificateAlertKey(row.id()))
                    .title("The certificate of " + row.name() + " expires in " + cert.daysLeft() + " days")
                    .message("It expires at " + Instant.ofEpochMilli(w.certExpiresAt()) + ". Renew it before then.")
                    .property(UptimeEvents.CERT_DAYS_LEFT, cert.daysLeft())
                    .property(
                            UptimeEvents.CERT_EXPIRES_AT,
                            Instant.ofEpochMilli(w.certExpiresAt()).toString()));
        } else if (cert != null && cert.cleared()) {
            post(event("RESOLVED", row, at)
                    .severity(Severity.INFO)
                    .alertKey(UptimeEvents.certificateAlertKey(row.id()))
                    .title("The certificate of " + row.name() + " was renewed")
                    .message(cert.daysLeft() + " days left.")
                    .property(UptimeEvents.CERT_DAYS_LEFT, cert.daysLeft()));
        }
    }

    private static SitekeeperEvent event(String name, MonitorRow row, Instant at) {
        SitekeeperEvent event = SitekeeperEvent.of(UptimeEvents.CAPABILITY, name)
                .occurredAt(at)
                .link("/system/console/sitekeeper-uptime?monitor=" + row.id())
                .property(UptimeEvents.MONITOR_ID, row.id())
                .property(UptimeEvents.MONITOR_URL, row.url());
        if (row.siteId() != null) {
            event.site(row.siteId());
        }
        return event;
    }

    private void post(SitekeeperEvent event) {
        try {
            events.postEvent(event.toEvent());
        } catch (RuntimeException e) {
            LOG.warn("Could not post an uptime event: {}", e.toString());
        }
    }

    static String humanDuration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    private static CheckResultDto result(CheckWrite w, Probe probe) {
        return new CheckResultDto(
                w.monitorId(),
                Instant.ofEpochMilli(w.checkedAt()),
                MonitorState.parse(w.outcome()).orElse(MonitorState.UNKNOWN),
                w.responseMs(),
                w.statusCode(),
                probe.cause(),
                w.detail(),
                probe.certificate() == null ? null : probe.certificate().notAfter());
    }

    static List<Integer> thresholds(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            try {
                int days = Integer.parseInt(part.strip());
                if (days > 0 && days <= 365) {
                    out.add(days);
                }
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring certificate warning threshold '{}': not a number of days", part);
            }
        }
        return out.isEmpty() ? Arrays.asList(30, 14, 7) : out;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
