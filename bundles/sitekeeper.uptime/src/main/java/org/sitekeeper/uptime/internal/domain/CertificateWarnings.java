package org.sitekeeper.uptime.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Certificate expiry warnings at thresholds (30, 14 and 7 days by default): one warning as each threshold is
 * crossed, none repeated, and an all-clear when a renewed certificate is beyond every threshold again.
 */
public final class CertificateWarnings {

    /**
     * What to do about a certificate seen now.
     *
     * @param warnedDays the threshold to remember as warned, or {@code null}
     * @param warn a threshold was newly crossed: warn
     * @param cleared the certificate was renewed after a warning: all clear
     */
    public record Decision(long daysLeft, Integer warnedDays, boolean warn, boolean cleared) {}

    private CertificateWarnings() {}

    /**
     * @param thresholds warning thresholds in days, any order
     * @param previouslyWarned the threshold last warned about, or {@code null}
     */
    public static Decision decide(Instant notAfter, Instant now, List<Integer> thresholds, Integer previouslyWarned) {
        long daysLeft = Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86_400L);
        Integer crossed = null;
        for (int t : thresholds) {
            if (daysLeft <= t && (crossed == null || t < crossed)) {
                crossed = t;
            }
        }
        if (crossed == null) {
            return new Decision(daysLeft, null, false, previouslyWarned != null);
        }
        // a renewed certificate still inside a wider threshold: remember that one, without a new warning
        boolean warn = previouslyWarned == null || crossed < previouslyWarned;
        return new Decision(daysLeft, crossed, warn, false);
    }
}
