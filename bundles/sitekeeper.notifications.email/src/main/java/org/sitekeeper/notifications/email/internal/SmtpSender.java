package org.sitekeeper.notifications.email.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSocketFactory;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.WriteTimeoutSocket;

import org.sitekeeper.core.api.egress.EgressDeniedException;
import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.notifications.api.DeliveryResult;
import org.sitekeeper.notifications.api.OutgoingMessage;

/**
 * Sends one message over SMTP. The connection is opened here, to an address the egress policy returned, and
 * handed to Angus ({@link SMTPTransport#connect(Socket)}), so Angus never resolves or connects by itself. The
 * session is new for every send and configured only from the channel's settings. At the delivery's deadline the
 * connection is closed, whatever step it is in.
 */
final class SmtpSender {

    private final EgressPolicy egress;
    private final SSLSocketFactory tls;
    private final ScheduledExecutorService timers;

    /**
     * @param timers runs write timeouts and deadlines; its tasks only close sockets
     */
    SmtpSender(EgressPolicy egress, SSLSocketFactory tls, ScheduledExecutorService timers) {
        this.egress = egress;
        this.tls = tls;
        this.timers = timers;
    }

    DeliveryResult send(SmtpSettings settings, OutgoingMessage message, Instant now, int timeoutMillis) {
        long started = System.nanoTime();
        Session session = Session.getInstance(properties(settings, timeoutMillis));
        MimeMessage mime;
        try {
            mime = AlertMail.build(session, settings, message, now);
        } catch (MessagingException e) {
            return DeliveryResult.failed("the message could not be built: " + SmtpOutcome.clean(e.getMessage()));
        }
        String host = settings.host();
        List<InetAddress> addresses;
        try {
            addresses = egress.resolve(host);
        } catch (EgressDeniedException e) {
            return DeliveryResult.failed("connection to " + host + " refused by the egress policy: " + e.reason()
                    + " (an admin can allow the network with allowed_networks in " + EgressPolicy.PID + ")");
        } catch (UnknownHostException e) {
            return DeliveryResult.retry("the SMTP host " + host + " is not known to DNS");
        }
        Socket connected;
        try {
            connected = EgressSocket.connect(addresses, host, settings.port(), timeoutMillis);
        } catch (IOException e) {
            return SmtpOutcome.connection(host, e);
        }
        // each step has its timeout; this stops a server that answers just in time, step after step
        long budget = budgetMillis(message, now) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        AtomicBoolean passed = new AtomicBoolean();
        Future<?> deadline = timers.schedule(
                () -> {
                    passed.set(true); // before the close, so the failure it causes is told apart
                    EgressSocket.close(connected);
                },
                budget,
                TimeUnit.MILLISECONDS);
        SMTPTransport transport = new SMTPTransport(session, url(connected, settings));
        try {
            // with the shared executor, closing the connection is all the wrapper needs
            Socket timed = new WriteTimeoutSocket(connected, timeoutMillis, timers);
            Socket socket = settings.security() == Security.TLS ? EgressSocket.handshake(tls, timed, host) : timed;
            transport.connect(socket);
            transport.sendMessage(mime, mime.getAllRecipients());
            return SmtpOutcome.accepted(host, transport.getLastServerResponse());
        } catch (SendFailedException e) {
            if (e.getValidSentAddresses() != null && e.getValidSentAddresses().length > 0) {
                return SmtpOutcome.partly(host, e);
            }
            return passed.get() ? atDeadline(host) : SmtpOutcome.failure(host, e);
        } catch (MessagingException e) {
            return passed.get() ? atDeadline(host) : SmtpOutcome.failure(host, e);
        } catch (IOException e) {
            return passed.get() ? atDeadline(host) : SmtpOutcome.connection(host, e);
        } finally {
            deadline.cancel(false);
            close(transport);
            EgressSocket.close(connected);
        }
    }

    /**
     * The URL Angus takes the credentials from. Its host is the checked address, not the name: Jakarta Mail hashes
     * URLs and looks up their host on the way, which must not cause a DNS query. The socket carries the configured
     * name, which is what Angus uses for STARTTLS.
     */
    private static URLName url(Socket connected, SmtpSettings settings) {
        return new URLName(
                "smtp",
                connected.getInetAddress().getHostAddress(),
                settings.port(),
                null,
                settings.username(),
                settings.password());
    }

    /** Time left at {@code now} until the delivery's deadline, at least a second; without one, a generous cap. */
    private static long budgetMillis(OutgoingMessage message, Instant now) {
        if (message.deadline() == null) {
            return TimeUnit.SECONDS.toMillis(SmtpSettings.MAX_TIMEOUT_SECONDS * 4L);
        }
        return Math.max(1000, Duration.between(now, message.deadline()).toMillis());
    }

    private static DeliveryResult atDeadline(String host) {
        return DeliveryResult.retry("the delivery's deadline passed while talking to " + host);
    }

    /** Everything Angus reads; socket settings are for the record, the socket is already made to match them. */
    private Properties properties(SmtpSettings settings, int timeoutMillis) {
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
        props.put("mail.smtp.timeout", Integer.toString(timeoutMillis));
        props.put("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        // STARTTLS layers TLS over the connection made here with this factory: no new connection, same trust
        props.put("mail.smtp.ssl.socketFactory", tls);
        switch (settings.security()) {
            case STARTTLS -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> props.put("mail.smtp.ssl.enable", "true");
            case NONE -> {}
        }
        if (settings.username() != null) {
            props.put("mail.smtp.auth", "true");
            props.put("mail.smtp.user", settings.username());
        }
        // deliver to the recipients the server takes even when it refuses some (reported, not retried)
        props.put("mail.smtp.sendpartial", "true");
        return props;
    }

    private static void close(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // QUIT is a courtesy; the message was sent or not already
        }
    }
}
