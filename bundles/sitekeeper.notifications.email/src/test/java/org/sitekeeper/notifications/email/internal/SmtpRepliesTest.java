package org.sitekeeper.notifications.email.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.sitekeeper.notifications.api.DeliveryResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.notifications.email.internal.Fixtures.CLOCK;
import static org.sitekeeper.notifications.email.internal.Fixtures.NOW;
import static org.sitekeeper.notifications.email.internal.Fixtures.config;
import static org.sitekeeper.notifications.email.internal.Fixtures.elapsedSince;
import static org.sitekeeper.notifications.email.internal.Fixtures.message;

/**
 * What the channel makes of SMTP replies GreenMail does not give: STARTTLS, refused recipients, temporary errors
 * and silence. The server is {@link ScriptedSmtpServer}.
 */
class SmtpRepliesTest {

    private ScriptedSmtpServer server;
    private final FakeEgress egress = new FakeEgress().allow(TestTls.HOST, "127.0.0.1");
    private final EmailChannel channel = new EmailChannel(egress, CLOCK, TestTls.trusting());

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedSmtpServer();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void startTlsUpgradesBeforeAnythingIsSent() {
        server.offerStartTls = true;

        DeliveryResult result = channel.deliver(message(60, stored("starttls"), "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(((DeliveryResult.Delivered) result).detail())
                .isEqualTo("accepted by " + TestTls.HOST + ": 250 2.0.0 OK queued as 4711");
        assertThat(server.commands).contains("STARTTLS", "tls:MAIL FROM:<alerts@example.com>", "tls:DATA");
        assertThat(server.commands).noneMatch(c -> c.startsWith("MAIL") || c.startsWith("RCPT"));
        // the checked address was dialled, the configured name went into the handshake
        assertThat(server.serverNames).containsExactly(TestTls.HOST);
        assertThat(server.messages).singleElement().asString().contains("Message-ID: <sitekeeper-delivery-60@");
    }

    @Test
    void startTlsNotOfferedFailsWithoutSending() {
        server.offerStartTls = false;

        DeliveryResult result = channel.deliver(message(61, stored("starttls"), "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) result).reason()).contains("does not offer STARTTLS");
        assertThat(server.plainCommands()).noneMatch(c -> c.startsWith("MAIL"));
    }

    @Test
    void recipientsRefusedPermanentlyFail() {
        server.rcptReply = address -> "550 5.1.1 <" + address + ">: user unknown";

        DeliveryResult result = channel.deliver(message(62, stored("none"), "gone@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) result).reason())
                .contains("refused every recipient", "gone@example.com", "550 5.1.1");
        assertThat(server.messages).isEmpty();
    }

    @Test
    void recipientsRefusedForNowAreRetried() {
        server.rcptReply = address -> "451 4.3.0 greylisted, try again later";

        DeliveryResult result = channel.deliver(message(63, stored("none"), "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).reason()).contains("451 4.3.0");
        assertThat(server.messages).isEmpty();
    }

    @Test
    void someRecipientsRefusedStillCountsAsDelivered() {
        server.rcptReply =
                address -> address.startsWith("gone") ? "550 5.1.1 <" + address + ">: user unknown" : "250 2.1.5 OK";

        DeliveryResult result = channel.deliver(
                message(64, stored("none"), "oncall@example.com", "gone@example.com", "cto@example.org"));

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(((DeliveryResult.Delivered) result).detail())
                .contains("for oncall@example.com, cto@example.org")
                .contains("refused: gone@example.com (550 5.1.1");
        assertThat(server.messages).hasSize(1);
    }

    @Test
    void senderRefusedPermanentlyFails() {
        server.mailFromReply = "553 5.7.1 sender not allowed to relay";

        DeliveryResult result = channel.deliver(message(65, stored("none"), "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) result).reason()).contains("553 5.7.1 sender not allowed");
    }

    @Test
    void messageRefusedForNowIsRetried() {
        server.dataReply = "452 4.3.1 insufficient system storage";

        DeliveryResult result = channel.deliver(message(66, stored("none"), "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).reason()).contains("452 4.3.1");
    }

    @Test
    void silentServerTimesOut() {
        server.silent = true;
        long start = System.nanoTime();

        DeliveryResult result =
                channel.deliver(message(67, stored("none", "timeout_seconds", 1), "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).reason()).isEqualTo("no answer from " + TestTls.HOST + " in time");
        assertThat(elapsedSince(start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void deadlineShortensTheTimeout() {
        server.silent = true;
        long start = System.nanoTime();

        // 120 s configured, but the hub wants an answer within 1 s
        DeliveryResult result = channel.deliver(
                message(68, stored("none", "timeout_seconds", 120), NOW.plusSeconds(1), "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(elapsedSince(start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void slowServerIsCutOffAtTheDeadline() {
        // every reply within the 2 s step timeout, but the whole exchange would take about 3 s
        server.replyDelayMillis = 500;
        long start = System.nanoTime();

        DeliveryResult result = channel.deliver(
                message(69, stored("none", "timeout_seconds", 2), NOW.plusSeconds(1), "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).reason())
                .isEqualTo("the delivery's deadline passed while talking to " + TestTls.HOST);
        assertThat(elapsedSince(start)).isLessThan(Duration.ofMillis(2500));
        assertThat(server.messages).isEmpty();
    }

    private Map<String, Object> stored(String security, Object... more) {
        return channel.validate(config(TestTls.HOST, server.port(), security, more));
    }
}
