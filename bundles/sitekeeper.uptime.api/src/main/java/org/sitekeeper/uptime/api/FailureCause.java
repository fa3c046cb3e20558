package org.sitekeeper.uptime.api;

import java.util.Locale;

/** Why a check failed. */
public enum FailureCause {
    /** No complete answer within the monitor's timeout. */
    TIMEOUT,
    /** The host name does not resolve. */
    DNS,
    /** The connection was refused or reset. */
    CONNECTION,
    /** The TLS handshake failed or the certificate is invalid (expired, untrusted, wrong name). */
    TLS,
    /** The status code was not one of the expected ones. */
    STATUS,
    /** The keyword was missing (or present when it must be absent). */
    KEYWORD,
    /** The answer came, but slower than the monitor's maximum response time. */
    SLOW,
    /** The egress policy refuses the target's address. */
    REFUSED,
    /** Anything else (a protocol error, too many redirects). */
    ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
