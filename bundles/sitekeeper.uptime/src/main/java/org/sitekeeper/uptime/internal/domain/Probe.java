package org.sitekeeper.uptime.internal.domain;

import java.time.Instant;

import org.sitekeeper.uptime.api.FailureCause;

/**
 * What one check saw.
 *
 * @param cause {@code null} when the check passed
 * @param responseMs time to the complete answer (HTTP) or to the connection (TCP), {@code null} without one
 * @param statusCode HTTP status, or {@code null}
 * @param certificate the HTTPS certificate seen, or {@code null}
 * @param startedAt when the check began
 * @param overran the check ended well after its own deadline: the hub, not the target, was too slow
 */
public record Probe(
        FailureCause cause,
        String detail,
        Integer responseMs,
        Integer statusCode,
        CertificateInfo certificate,
        Instant startedAt,
        boolean overran) {

    public boolean passed() {
        return cause == null;
    }

    /**
     * The certificate an HTTPS target presented.
     *
     * @param problem why it is not valid (expired, untrusted, wrong name), or {@code null} when it is
     */
    public record CertificateInfo(Instant notAfter, String subject, String issuer, String problem) {}
}
