package org.sitekeeper.uptime.internal.domain;

import java.time.Instant;

import org.sitekeeper.uptime.api.FailureCause;

/** Judges a complete HTTP answer against what the monitor expects: status, keyword, response time, certificate. */
public final class Expectations {

    private Expectations() {}

    /**
     * @param bodyHasKeyword whether the body contained the keyword, {@code null} when no keyword is set
     * @param maxResponseMs slower answers fail with {@link FailureCause#SLOW}; 0 for no limit
     * @param ignoreTls whether an invalid certificate is acceptable
     */
    public static Probe judge(
            int status,
            int responseMs,
            StatusSet accepted,
            Boolean bodyHasKeyword,
            String keyword,
            boolean keywordAbsent,
            int maxResponseMs,
            Probe.CertificateInfo certificate,
            boolean ignoreTls,
            Instant startedAt) {
        FailureCause cause = null;
        String detail = null;
        if (certificate != null && certificate.problem() != null && !ignoreTls) {
            cause = FailureCause.TLS;
            detail = "certificate: " + certificate.problem();
        } else if (!accepted.accepts(status)) {
            cause = FailureCause.STATUS;
            detail = "status " + status + ", expected " + accepted;
        } else if (bodyHasKeyword != null && bodyHasKeyword == keywordAbsent) {
            cause = FailureCause.KEYWORD;
            detail = keywordAbsent
                    ? "the page contains '" + keyword + "', which must be absent"
                    : "the page does not contain '" + keyword + "'";
        } else if (maxResponseMs > 0 && responseMs > maxResponseMs) {
            cause = FailureCause.SLOW;
            detail = "answered in " + responseMs + " ms, more than the " + maxResponseMs + " ms allowed";
        }
        return new Probe(cause, detail, responseMs, status, certificate, startedAt, false);
    }
}
