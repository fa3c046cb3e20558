package org.sitekeeper.notifications.email.internal;

import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.egress.EgressDeniedException;
import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.notifications.api.ChannelField;
import org.sitekeeper.notifications.api.DeliveryResult;
import org.sitekeeper.notifications.api.NotificationChannel;
import org.sitekeeper.notifications.api.OutgoingMessage;

/**
 * Email through an SMTP server (a mail provider's submission port or an internal relay). Each delivery is one
 * message to all its recipients, text and HTML as alternatives, with a Message-ID derived from the delivery so a
 * retry after a lost answer can be recognised as the same message. The connection goes to an address the egress
 * policy allowed, and TLS certificates are checked against the JRE trust store.
 */
@Component(service = NotificationChannel.class)
public final class EmailChannel implements NotificationChannel {

    static final String TYPE = "email";
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final EgressPolicy egress;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor timers;
    private final SmtpSender sender;

    @Activate
    public EmailChannel(@Reference EgressPolicy egress, @Reference Clock clock) {
        this(egress, clock, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With the TLS trust to use; tests pass one that trusts their own certificate. */
    EmailChannel(EgressPolicy egress, Clock clock, SSLSocketFactory tls) {
        this.egress = egress;
        this.clock = clock;
        this.timers = timers();
        this.sender = new SmtpSender(egress, tls, timers);
    }

    @Deactivate
    void deactivate() {
        timers.shutdownNow();
    }

    /** One daemon thread for every send's write timeouts and deadline: its tasks only close sockets. */
    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sitekeeper-email-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        // a write that finishes in time cancels its timeout; drop it at once instead of keeping it queued
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "Email (SMTP)";
    }

    @Override
    public boolean needsRecipients() {
        return true;
    }

    @Override
    public List<ChannelField> fields() {
        return List.of(
                ChannelField.required("host", "string", "SMTP server host name, e.g. smtp.example.com"),
                ChannelField.optional(
                        "port", "integer", "SMTP port; default 587 for starttls, 465 for tls, 25 for none"),
                ChannelField.optional(
                        "security",
                        "string",
                        "starttls (default: upgrade before sending, refused if the server does not offer it), tls"
                                + " (TLS from the start, SMTPS) or none (only inside a trusted network)"),
                ChannelField.optional("username", "string", "SMTP AUTH user name; needs starttls or tls"),
                ChannelField.secret("password", false, "SMTP AUTH password; required with a username"),
                ChannelField.required("from", "string", "sender address, e.g. Sitekeeper <alerts@example.com>"),
                ChannelField.optional("reply_to", "string", "address replies go to, if not the sender"),
                ChannelField.optional(
                        "timeout_seconds",
                        "integer",
                        "seconds to wait for the server at each step, 1 to 120, default 20"));
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> config) {
        return withOwnClassLoader(() -> {
            SmtpSettings settings = SmtpSettings.read(config);
            checkEgress(settings.host());
            return settings.toConfig();
        });
    }

    /** A host the policy refuses now is refused; one that does not resolve yet is checked again when sending. */
    private void checkEgress(String host) {
        String field = ConfigReader.field("host");
        try {
            egress.resolve(host);
        } catch (EgressDeniedException e) {
            throw new InvalidInputException(
                    field,
                    field + " " + host + " is refused by the egress policy (" + e.reason() + "); an admin can"
                            + " allow it with allowed_networks in the configuration " + EgressPolicy.PID);
        } catch (UnknownHostException e) {
            // not in DNS yet: accepted, and checked again at every connection
        }
    }

    @Override
    public String validateRecipient(String field, String recipient) {
        return withOwnClassLoader(() -> Addresses.mailbox(field, recipient).getAddress());
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
        return withOwnClassLoader(() -> send(message));
    }

    private DeliveryResult send(OutgoingMessage message) {
        SmtpSettings settings;
        try {
            settings = SmtpSettings.read(message.config());
        } catch (InvalidInputException e) {
            return DeliveryResult.failed("the channel settings are not valid: " + e.getMessage());
        }
        if (message.recipients().isEmpty()) {
            return DeliveryResult.failed("no recipients");
        }
        Instant now = clock.instant();
        int timeoutMillis = (int) timeout(settings, message, now).toMillis();
        DeliveryResult result;
        try {
            result = sender.send(settings, message, now, timeoutMillis);
        } catch (RuntimeException e) {
            LOG.warn("Email delivery {} through {} failed unexpectedly", message.deliveryId(), settings.host(), e);
            result = DeliveryResult.retry("unexpected error: " + e);
        }
        return redact(result, settings.password());
    }

    /** The configured timeout, but never past the delivery's deadline (at least a second, to get an answer). */
    static Duration timeout(SmtpSettings settings, OutgoingMessage message, Instant now) {
        Duration configured = Duration.ofSeconds(settings.timeoutSeconds());
        if (message.deadline() == null) {
            return configured;
        }
        Duration left = Duration.between(now, message.deadline());
        if (left.compareTo(MIN_TIMEOUT) < 0) {
            return MIN_TIMEOUT;
        }
        return left.compareTo(configured) < 0 ? left : configured;
    }

    /**
     * Runs with this bundle's class loader as the thread context class loader. Jakarta Mail and Activation look up
     * their providers, mailcap and stream provider through it first (even parsing an address with a non-ASCII name
     * does), and a caller's loader that sees another copy of them fails the lookup instead of falling back.
     */
    private static <T> T withOwnClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(EmailChannel.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A server may echo what it was sent; the password must not reach the delivery log. */
    static DeliveryResult redact(DeliveryResult result, String password) {
        if (password == null || password.isEmpty()) {
            return result;
        }
        if (result instanceof DeliveryResult.Delivered delivered) {
            return DeliveryResult.delivered(delivered.detail().replace(password, "***"));
        }
        if (result instanceof DeliveryResult.Retry retry) {
            return DeliveryResult.retryAfter(retry.reason().replace(password, "***"), retry.after());
        }
        DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
        return DeliveryResult.failed(failed.reason().replace(password, "***"));
    }
}
