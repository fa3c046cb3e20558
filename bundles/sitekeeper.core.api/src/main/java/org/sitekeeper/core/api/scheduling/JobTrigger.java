package org.sitekeeper.core.api.scheduling;

import java.time.Duration;
import java.util.Objects;

/**
 * When a job runs: every fixed period, or on a Quartz cron expression (seconds first,
 * e.g. {@code 0 15 3 * * ?} for 03:15 every day).
 */
public record JobTrigger(Duration period, String cron) {

    public JobTrigger {
        if ((period == null) == (cron == null)) {
            throw new IllegalArgumentException("exactly one of period and cron");
        }
        if (period != null && period.toMillis() < 1000) {
            throw new IllegalArgumentException("period must be at least one second");
        }
    }

    public static JobTrigger every(Duration period) {
        return new JobTrigger(Objects.requireNonNull(period), null);
    }

    public static JobTrigger cron(String expression) {
        return new JobTrigger(null, Objects.requireNonNull(expression));
    }

    @Override
    public String toString() {
        return period != null ? "every " + period.toString().substring(2).toLowerCase() : "cron " + cron;
    }
}
