package org.sitekeeper.core.api.scheduling;

import java.time.Duration;
import java.time.Instant;

/**
 * A scheduled job as the shell and console list it.
 *
 * @param name stable name, {@code <capability>.<job>}
 * @param description what it does
 * @param trigger when it runs
 * @param lastStartedAt when it last started (on any node in a cluster), or {@code null}
 * @param lastDuration how long the last run on this node took, or {@code null}
 * @param lastOutcome {@code ok}, {@code failed: <reason>}, or {@code null} before the first run on this node
 * @param nextRunAt when it runs next, or {@code null} if paused
 * @param running whether it is running on this node now
 */
public record JobInfo(
        String name,
        String description,
        String trigger,
        Instant lastStartedAt,
        Duration lastDuration,
        String lastOutcome,
        Instant nextRunAt,
        boolean running) {}
