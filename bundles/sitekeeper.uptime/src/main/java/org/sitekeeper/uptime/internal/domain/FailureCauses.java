package org.sitekeeper.uptime.internal.domain;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

import org.sitekeeper.core.api.egress.EgressDeniedException;
import org.sitekeeper.uptime.api.FailureCause;

/** Names why a check failed from the exception that ended it. */
public final class FailureCauses {

    private FailureCauses() {}

    /**
     * The cause, judged first by the types along the whole chain (wrappers such as ExecutionException copy their
     * cause's text into their own message), and only then by the words of the messages.
     */
    public static FailureCause of(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            FailureCause byType = byType(t);
            if (byType != null) {
                return byType;
            }
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("reset") || message.contains("refused") || message.contains("closed")) {
                return FailureCause.CONNECTION;
            }
            if (message.contains("timeout") || message.contains("timed out")) {
                return FailureCause.TIMEOUT;
            }
        }
        return FailureCause.ERROR;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }

    private static FailureCause byType(Throwable t) {
        if (t instanceof EgressDeniedException) {
            return FailureCause.REFUSED;
        }
        if (t instanceof UnknownHostException) {
            return FailureCause.DNS;
        }
        if (t instanceof TimeoutException
                || t instanceof SocketTimeoutException
                || t instanceof InterruptedByTimeoutException) {
            return FailureCause.TIMEOUT;
        }
        if (t instanceof SSLException) {
            return FailureCause.TLS;
        }
        if (t instanceof ConnectException
                || t instanceof NoRouteToHostException
                || t instanceof ClosedChannelException
                || t instanceof EOFException
                || t instanceof SocketException) {
            return FailureCause.CONNECTION;
        }
        return null;
    }

    /** A failure in words, without a stack trace: the innermost message that says something. */
    public static String describe(Throwable failure) {
        String best = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                best = message;
            } else if (best == null) {
                best = t.getClass().getSimpleName();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return best == null ? "failed" : best;
    }

    /** Whether a cause says the network path failed (not the target's answer). */
    public static boolean isNetwork(FailureCause cause) {
        return cause == FailureCause.TIMEOUT || cause == FailureCause.DNS || cause == FailureCause.CONNECTION;
    }
}
