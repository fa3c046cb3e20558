package org.sitekeeper.notifications.email.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import org.sitekeeper.notifications.api.DeliveryResult;

/**
 * What an SMTP exchange means for the delivery. SMTP says it in the reply code: 4xx is temporary (try again), 5xx
 * permanent (trying again sends the same refused message). Connection problems are temporary. A server that took
 * the message for some recipients has delivered it: sending again would reach those twice.
 */
final class SmtpOutcome {

    private static final int MAX_TEXT = 300;

    private SmtpOutcome() {}

    /** The server accepted the message for every recipient. */
    static DeliveryResult accepted(String host, String reply) {
        return DeliveryResult.delivered("accepted by " + host + (reply == null ? "" : ": " + clean(reply)));
    }

    /** The server accepted the message for some recipients and refused the others. */
    static DeliveryResult partly(String host, SendFailedException e) {
        List<String> refused = new ArrayList<>();
        for (SMTPAddressFailedException failure : addressFailures(e)) {
            refused.add(failure.getAddress().getAddress() + " (" + clean(failure.getMessage()) + ")");
        }
        if (refused.isEmpty()) {
            for (Address[] some : List.of(nonNull(e.getInvalidAddresses()), nonNull(e.getValidUnsentAddresses()))) {
                if (some.length > 0) {
                    refused.add(addresses(some));
                }
            }
        }
        return DeliveryResult.delivered("accepted by " + host + " for " + addresses(e.getValidSentAddresses())
                + "; refused: " + String.join(", ", refused));
    }

    /** What a failure before the server took the message means. */
    static DeliveryResult failure(String host, MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            String reply = clean(e.getMessage());
            String reason = "authentication at " + host + " failed: " + reply;
            return temporary(reply)
                    ? DeliveryResult.retry(reason)
                    : DeliveryResult.failed(reason + "; check config.username and config.password");
        }
        if (e instanceof SendFailedException refused) {
            return refused(host, refused);
        }
        IOException io = ioCause(e);
        if (io != null) {
            return connection(host, io);
        }
        String text = clean(e.getMessage());
        if (text.contains("STARTTLS is required")) {
            return DeliveryResult.failed(host + " does not offer STARTTLS; set config.security to tls (usually port"
                    + " 465) or, only inside a trusted network, none");
        }
        return DeliveryResult.retry("SMTP error at " + host + ": " + text);
    }

    /** What a failed connection (before or during the exchange) means. */
    static DeliveryResult connection(String host, IOException e) {
        if (hasCause(e, CertificateException.class) || hasCause(e, SSLPeerUnverifiedException.class)) {
            return DeliveryResult.failed("the TLS certificate of " + host + " is not accepted: " + describe(e)
                    + " (it must be issued for the name in config.host by a CA the JRE trusts)");
        }
        if (hasCause(e, SocketTimeoutException.class)) {
            return DeliveryResult.retry("no answer from " + host + " in time");
        }
        if (hasCause(e, ConnectException.class)) {
            return DeliveryResult.retry("could not connect to " + host + ": " + describe(e));
        }
        if (hasCause(e, SSLException.class)) {
            return DeliveryResult.retry(
                    "TLS with " + host + " failed: " + describe(e) + " (is config.security right for the port?)");
        }
        return DeliveryResult.retry("connection to " + host + " failed: " + describe(e));
    }

    /** MAIL FROM, RCPT TO or DATA refused. */
    private static DeliveryResult refused(String host, SendFailedException e) {
        List<SMTPAddressFailedException> failures = addressFailures(e);
        String reason;
        boolean temporary;
        if (e instanceof SMTPSendFailedException command && command.getReturnCode() >= 400) {
            reason = host + " refused the message: " + clean(command.getMessage());
            temporary = command.getReturnCode() < 500;
        } else if (!failures.isEmpty()) {
            reason = host + " refused every recipient: "
                    + failures.stream()
                            .map(f -> f.getAddress().getAddress() + " (" + clean(f.getMessage()) + ")")
                            .collect(Collectors.joining(", "));
            // addresses refused for now (4xx, or 552 which RFC 5321 says to treat so) may be taken later
            temporary = e.getValidUnsentAddresses() != null && e.getValidUnsentAddresses().length > 0;
        } else {
            reason = host + " refused the message: " + clean(e.getMessage());
            temporary = true;
        }
        return temporary ? DeliveryResult.retry(reason) : DeliveryResult.failed(reason);
    }

    private static List<SMTPAddressFailedException> addressFailures(MessagingException e) {
        List<SMTPAddressFailedException> failures = new ArrayList<>();
        Exception next = e;
        while (next instanceof MessagingException messaging && failures.size() < 100) {
            if (messaging instanceof SMTPAddressFailedException failure) {
                failures.add(failure);
            }
            next = messaging.getNextException();
        }
        return failures;
    }

    /** Whether an SMTP reply (or text starting with one) has a 4xx code. */
    private static boolean temporary(String reply) {
        return reply.matches("4\\d\\d\\b.*");
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Address[] nonNull(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return "";
        }
        return Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.getAddress() : a.toString())
                .collect(Collectors.joining(", "));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            return describe(cause);
        }
        return clean(message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
    }

    /** A reply or message on one line, not too long. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > MAX_TEXT ? line.substring(0, MAX_TEXT) + "…" : line;
    }
}
