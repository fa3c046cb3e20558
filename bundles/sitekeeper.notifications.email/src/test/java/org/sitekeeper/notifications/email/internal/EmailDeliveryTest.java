package org.sitekeeper.notifications.email.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.sitekeeper.notifications.api.DeliveryResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitekeeper.notifications.email.internal.Fixtures.CLOCK;
import static org.sitekeeper.notifications.email.internal.Fixtures.HTML;
import static org.sitekeeper.notifications.email.internal.Fixtures.NOW;
import static org.sitekeeper.notifications.email.internal.Fixtures.SUBJECT;
import static org.sitekeeper.notifications.email.internal.Fixtures.TEXT;
import static org.sitekeeper.notifications.email.internal.Fixtures.config;
import static org.sitekeeper.notifications.email.internal.Fixtures.message;

/** Deliveries to GreenMail, a real SMTP server in the test JVM, over plain SMTP and SMTPS. */
class EmailDeliveryTest {

    static {
        // must be set before GreenMail creates its first TLS server socket factory
        TestTls.useForGreenMail();
    }

    private static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
                    new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@example.com", "alerts", PASSWORD));

    private final FakeEgress egress = new FakeEgress()
            .allow(TestTls.HOST, "127.0.0.1")
            .allow("other.sitekeeper.test", "127.0.0.1")
            .deny("metadata.sitekeeper.test", "link-local");
    private final EmailChannel channel = new EmailChannel(egress, CLOCK, TestTls.trusting());

    @Test
    void deliversTextAndHtmlOverPlainSmtp() throws Exception {
        Map<String, Object> config =
                channel.validate(config(TestTls.HOST, smtpPort(), "none", "reply_to", "Ops <ops@example.com>"));

        DeliveryResult result = channel.deliver(message(42, config, "oncall@example.com", "cto@example.org"));

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(((DeliveryResult.Delivered) result).detail()).startsWith("accepted by " + TestTls.HOST + ": 250");
        // the name is not in DNS: only the egress policy's answer can have been used
        assertThat(egress.resolved).containsOnly(TestTls.HOST);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo(SUBJECT);
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("alerts@example.com"));
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Sitekeeper Überwachung");
        assertThat(mail.getHeader("From")[0]).isEqualTo("=?UTF-8?Q?Sitekeeper_=C3=9Cberwachung?= <alerts@example.com>");
        assertThat(mail.getReplyTo()).containsExactly(new InternetAddress("ops@example.com"));
        assertThat(mail.getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress("oncall@example.com"), new InternetAddress("cto@example.org"));
        assertThat(mail.getMessageID()).isEqualTo("<sitekeeper-delivery-42@example.com>");
        assertThat(mail.getHeader("X-Sitekeeper-Delivery")).containsExactly("42");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(mail.getSentDate()).isEqualTo(Date.from(NOW));

        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(TEXT);
        assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(HTML);
    }

    @Test
    void messageIdStaysTheSameForEveryAttemptOfADelivery() throws Exception {
        Map<String, Object> config = channel.validate(config(TestTls.HOST, smtpPort(), "none"));

        channel.deliver(message(7, config, "oncall@example.com"));
        channel.deliver(message(7, config, "oncall@example.com"));
        channel.deliver(message(8, config, "oncall@example.com"));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received)
                .extracting(MimeMessage::getMessageID)
                .containsExactly(
                        "<sitekeeper-delivery-7@example.com>",
                        "<sitekeeper-delivery-7@example.com>",
                        "<sitekeeper-delivery-8@example.com>");
    }

    @Test
    void authenticatesOverImplicitTls() throws Exception {
        Map<String, Object> config =
                channel.validate(config(TestTls.HOST, smtpsPort(), "tls", "username", "alerts", "password", PASSWORD));

        DeliveryResult result = channel.deliver(message(43, config, "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Delivered.class);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo(SUBJECT);
    }

    @Test
    void wrongPasswordFailsWithoutNamingIt() {
        String wrong = "not-the-password-" + PASSWORD;
        Map<String, Object> config =
                channel.validate(config(TestTls.HOST, smtpsPort(), "tls", "username", "alerts", "password", wrong));

        DeliveryResult result = channel.deliver(message(44, config, "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        String reason = ((DeliveryResult.Failed) result).reason();
        assertThat(reason)
                .contains("authentication at " + TestTls.HOST + " failed", "535")
                .doesNotContain(wrong)
                .doesNotContain(PASSWORD);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void tlsChecksTheCertificateAgainstTheConfiguredName() {
        // same server, same trusted certificate, but it is not issued for this name
        Map<String, Object> config = channel.validate(config("other.sitekeeper.test", smtpsPort(), "tls"));

        DeliveryResult result = channel.deliver(message(45, config, "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) result).reason()).contains("TLS certificate of other.sitekeeper.test");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void productionTrustsOnlyTheJreTrustStore() {
        EmailChannel production = new EmailChannel(egress, CLOCK, (SSLSocketFactory) SSLSocketFactory.getDefault());
        Map<String, Object> config = production.validate(config(TestTls.HOST, smtpsPort(), "tls"));

        DeliveryResult result = production.deliver(message(46, config, "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) result).reason()).contains("TLS certificate of " + TestTls.HOST);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void tlsOnAPlainPortIsRetriedWithAHint() {
        Map<String, Object> config = channel.validate(config(TestTls.HOST, smtpPort(), "tls", "timeout_seconds", 2));

        DeliveryResult result = channel.deliver(message(47, config, "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).reason()).contains("config.security");
    }

    @Test
    void serverDownIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> config = channel.validate(config(TestTls.HOST, closedPort, "none"));

        DeliveryResult result = channel.deliver(message(48, config, "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).reason()).startsWith("could not connect to " + TestTls.HOST);
    }

    @Test
    void hostTheEgressPolicyDeniesIsNotContacted() {
        Map<String, Object> stored = config("metadata.sitekeeper.test", smtpPort(), "none");

        DeliveryResult result = channel.deliver(message(49, stored, "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Failed.class);
        assertThat(((DeliveryResult.Failed) result).reason())
                .contains("refused by the egress policy: link-local", "allowed_networks", "org.sitekeeper.egress");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void hostNotInDnsIsRetried() {
        Map<String, Object> stored = config("gone.sitekeeper.test", smtpPort(), "none");

        DeliveryResult result = channel.deliver(message(50, stored, "oncall@example.com"));

        assertThat(result).isInstanceOf(DeliveryResult.Retry.class);
        assertThat(((DeliveryResult.Retry) result).reason()).contains("gone.sitekeeper.test", "DNS");
    }

    @Test
    void restoresTheThreadContextClassLoader() {
        ClassLoader original = Thread.currentThread().getContextClassLoader();
        ClassLoader marker = new ClassLoader(null) {};
        Thread.currentThread().setContextClassLoader(marker);
        try {
            Map<String, Object> config = channel.validate(config(TestTls.HOST, smtpPort(), "none"));
            assertThat(channel.deliver(message(51, config, "oncall@example.com")))
                    .isInstanceOf(DeliveryResult.Delivered.class);
            assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(marker);
        } finally {
            Thread.currentThread().setContextClassLoader(original);
        }
    }

    private static int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    private static int smtpsPort() {
        return greenMail.getSmtps().getPort();
    }
}
