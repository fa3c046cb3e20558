package org.sitekeeper.uptime.internal.domain;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.egress.EgressDeniedException;
import org.sitekeeper.uptime.api.FailureCause;

import static org.assertj.core.api.Assertions.assertThat;

class FailureCausesTest {

    @Test
    void aRefusedConnectionIsAConnectionFailure() {
        assertThat(FailureCauses.of(new ConnectException("Connection refused"))).isEqualTo(FailureCause.CONNECTION);
        assertThat(FailureCauses.of(new NoRouteToHostException("No route to host")))
                .isEqualTo(FailureCause.CONNECTION);
        assertThat(FailureCauses.of(new ClosedChannelException())).isEqualTo(FailureCause.CONNECTION);
        assertThat(FailureCauses.of(new EOFException())).isEqualTo(FailureCause.CONNECTION);
        assertThat(FailureCauses.of(new SocketException("Broken pipe"))).isEqualTo(FailureCause.CONNECTION);
    }

    @Test
    void anUnknownHostIsDns() {
        assertThat(FailureCauses.of(new UnknownHostException("shop.example.invalid")))
                .isEqualTo(FailureCause.DNS);
    }

    @Test
    void aFailedHandshakeIsTls() {
        assertThat(FailureCauses.of(new SSLHandshakeException("PKIX path building failed")))
                .isEqualTo(FailureCause.TLS);
        assertThat(FailureCauses.of(new SSLException("Unsupported or unrecognized SSL message")))
                .isEqualTo(FailureCause.TLS);
    }

    @Test
    void timeoutsAreTimeouts() {
        assertThat(FailureCauses.of(new SocketTimeoutException("Read timed out")))
                .isEqualTo(FailureCause.TIMEOUT);
        assertThat(FailureCauses.of(new SocketTimeoutException())).isEqualTo(FailureCause.TIMEOUT);
        assertThat(FailureCauses.of(new TimeoutException())).isEqualTo(FailureCause.TIMEOUT);
        assertThat(FailureCauses.of(new ExecutionException(new TimeoutException("Total timeout 10000 ms elapsed"))))
                .isEqualTo(FailureCause.TIMEOUT);
        assertThat(FailureCauses.of(new ExecutionException(new TimeoutException())))
                .isEqualTo(FailureCause.TIMEOUT);
        assertThat(FailureCauses.of(new InterruptedByTimeoutException())).isEqualTo(FailureCause.TIMEOUT);
    }

    @Test
    void theEgressPolicyRefusingIsRefused() {
        assertThat(FailureCauses.of(new EgressDeniedException("10.0.0.1", "a private network")))
                .isEqualTo(FailureCause.REFUSED);
    }

    @Test
    void causesAreFoundInsideWrappers() {
        assertThat(FailureCauses.of(new IOException("request failed", new UnknownHostException("shop.invalid"))))
                .isEqualTo(FailureCause.DNS);
        assertThat(FailureCauses.of(new ExecutionException(new SSLHandshakeException("bad certificate"))))
                .isEqualTo(FailureCause.TLS);
        assertThat(FailureCauses.of(new CompletionException(new ConnectException("Connection refused"))))
                .isEqualTo(FailureCause.CONNECTION);
        assertThat(FailureCauses.of(new IOException("x", new IOException("y", new SocketTimeoutException()))))
                .isEqualTo(FailureCause.TIMEOUT);
        assertThat(FailureCauses.of(new IOException("failed", new EgressDeniedException("127.0.0.1", "a loopback"))))
                .isEqualTo(FailureCause.REFUSED);
    }

    @Test
    void untypedFailuresAreNamedFromTheirMessage() {
        assertThat(FailureCauses.of(new IOException("Connection reset by peer")))
                .isEqualTo(FailureCause.CONNECTION);
        assertThat(FailureCauses.of(new IllegalStateException("channel closed")))
                .isEqualTo(FailureCause.CONNECTION);
        assertThat(FailureCauses.of(new IOException("Idle timeout expired: 10000/10000 ms")))
                .isEqualTo(FailureCause.TIMEOUT);
        assertThat(FailureCauses.of(new IOException("operation timed out"))).isEqualTo(FailureCause.TIMEOUT);
    }

    @Test
    void anythingElseIsAnError() {
        assertThat(FailureCauses.of(new IllegalStateException("too many redirects")))
                .isEqualTo(FailureCause.ERROR);
        assertThat(FailureCauses.of(new IOException())).isEqualTo(FailureCause.ERROR);
        assertThat(FailureCauses.of(null)).isEqualTo(FailureCause.ERROR);
    }

    /**
     * BUG (FailureCauses.of): a wrapper's message is matched against the words "refused", "reset", "closed",
     * "timeout" before the typed exceptions further down the cause chain are looked at. {@code new
     * ExecutionException(cause)} (what {@code Future.get()} throws) takes {@code cause.toString()} as its message,
     * and an {@link EgressDeniedException}'s message says "... refused by the egress policy ...", so a wrapped
     * egress refusal is named CONNECTION instead of REFUSED; likewise a wrapped UnknownHostException of a host whose
     * name contains "timeout" is named TIMEOUT instead of DNS. Expected: REFUSED and DNS (the typed cause anywhere in
     * the chain wins over message guessing); actual: CONNECTION and TIMEOUT.
     */
    @Test
    void typedCausesDeeperInTheChainWinOverWordsInAWrappersMessage() {
        assertThat(FailureCauses.of(new ExecutionException(new EgressDeniedException("10.0.0.1", "a private network"))))
                .isEqualTo(FailureCause.REFUSED);
        assertThat(FailureCauses.of(new ExecutionException(new UnknownHostException("timeout-test.example.invalid"))))
                .isEqualTo(FailureCause.DNS);
    }

    @Test
    void describeGivesTheInnermostMessage() {
        assertThat(FailureCauses.describe(new ExecutionException(new ConnectException("Connection refused"))))
                .isEqualTo("Connection refused");
        assertThat(FailureCauses.describe(new IOException("outer", new IOException("inner"))))
                .isEqualTo("inner");
        assertThat(FailureCauses.describe(new IOException("outer", new IOException(" "))))
                .isEqualTo("outer");
        assertThat(FailureCauses.describe(new IOException("outer", new EOFException())))
                .isEqualTo("outer");
        assertThat(FailureCauses.describe(new EOFException())).isEqualTo("EOFException");
        assertThat(FailureCauses.describe(null)).isEqualTo("failed");
    }

    @Test
    void networkCausesAreTimeoutDnsAndConnection() {
        for (FailureCause cause : FailureCause.values()) {
            boolean network =
                    cause == FailureCause.TIMEOUT || cause == FailureCause.DNS || cause == FailureCause.CONNECTION;
            assertThat(FailureCauses.isNetwork(cause)).as(cause.toString()).isEqualTo(network);
        }
        assertThat(FailureCauses.isNetwork(null)).isFalse();
    }
}
