package org.sitekeeper.notifications.email.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.sitekeeper.notifications.api.OutgoingMessage;

/** Turns an outgoing message into the MIME message sent: text and HTML as alternatives, UTF-8 throughout. */
final class AlertMail {

    static final String DELIVERY_HEADER = "X-Sitekeeper-Delivery";
    private static final String UTF_8 = "UTF-8";

    private AlertMail() {}

    /**
     * The message for {@code message}, addressed to its (already validated) recipients.
     *
     * @throws MessagingException when a recipient or the body cannot be encoded
     */
    static MimeMessage build(Session session, SmtpSettings settings, OutgoingMessage message, Instant now)
            throws MessagingException {
        MimeMessage mime = new StableIdMessage(session, messageId(message.deliveryId(), settings.from()));
        mime.setFrom(settings.from());
        if (settings.replyTo() != null) {
            mime.setReplyTo(new InternetAddress[] {settings.replyTo()});
        }
        mime.setRecipients(Message.RecipientType.TO, recipients(message.recipients()));
        mime.setSubject(oneLine(message.subject()), UTF_8);
        mime.setSentDate(Date.from(now));
        mime.setHeader(DELIVERY_HEADER, Long.toString(message.deliveryId()));
        // RFC 3834: tells auto-responders (out-of-office, vacation) not to answer
        mime.setHeader("Auto-Submitted", "auto-generated");
        String text = message.text() == null ? "" : message.text();
        if (message.html() == null || message.html().isBlank()) {
            mime.setText(text, UTF_8, "plain");
        } else {
            MimeMultipart alternatives = new MimeMultipart("alternative");
            // the last alternative is the preferred one: plain text first, HTML second
            alternatives.addBodyPart(part(text, "plain"));
            alternatives.addBodyPart(part(message.html(), "html"));
            mime.setContent(alternatives);
        }
        mime.saveChanges();
        return mime;
    }

    /**
     * The same for every attempt of a delivery, so a receiver (or a mail archive) can drop a resend that follows a
     * lost answer to a message that did arrive.
     */
    static String messageId(long deliveryId, InternetAddress from) {
        return "<sitekeeper-delivery-" + deliveryId + "@" + Addresses.domain(from) + ">";
    }

    private static InternetAddress[] recipients(List<String> recipients) throws MessagingException {
        InternetAddress[] addresses = new InternetAddress[recipients.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = new InternetAddress(recipients.get(i), true);
        }
        return addresses;
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        return part;
    }

    private static String oneLine(String subject) {
        return subject == null ? "" : subject.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** Keeps the given Message-ID: Jakarta Mail would otherwise make a new random one on every save. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
