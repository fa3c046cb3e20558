package org.sitekeeper.notifications.email.internal;

import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.sitekeeper.core.api.error.InvalidInputException;

/**
 * E-mail addresses as settings and recipients give them: exactly one mailbox, parsed strictly (RFC 822 syntax, no
 * groups, no lists), with a domain. The domain is lower-cased (and an international one written in ASCII) so the
 * same mailbox is not stored twice and SMTP can carry it.
 */
final class Addresses {

    /** Longest addr-spec SMTP can carry (RFC 5321 path limit less the angle brackets). */
    static final int MAX_LENGTH = 254;

    private Addresses() {}

    /**
     * One mailbox, {@code ops@example.com} or {@code Ops Team <ops@example.com>}.
     *
     * @throws InvalidInputException naming {@code field}
     */
    static InternetAddress mailbox(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.missing(field);
        }
        String text = value.strip();
        if (text.length() > 2 * MAX_LENGTH || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid(field);
        }
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(text, true);
            parsed.validate();
        } catch (AddressException e) {
            throw invalid(field);
        }
        String address = parsed.getAddress();
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (parsed.isGroup() || at <= 0 || at == address.length() - 1 || address.length() > MAX_LENGTH) {
            throw invalid(field);
        }
        String local = address.substring(0, at);
        String domain;
        try {
            // SMTP without SMTPUTF8 carries ASCII only: international domains go as xn-- labels
            domain = IDN.toASCII(address.substring(at + 1)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(field);
        }
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(local) || domain.isEmpty()) {
            throw invalid(field);
        }
        String normalised = local + "@" + domain;
        try {
            return new InternetAddress(normalised, parsed.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is missing", e);
        }
    }

    /** The mailbox as it is stored: the bare address, or {@code Name <address>} when it has a name. */
    static String format(InternetAddress mailbox) {
        return mailbox.getPersonal() == null ? mailbox.getAddress() : mailbox.toUnicodeString();
    }

    /** The domain of a parsed mailbox, for message ids. */
    static String domain(InternetAddress mailbox) {
        String address = mailbox.getAddress();
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private static InvalidInputException invalid(String field) {
        return new InvalidInputException(field, field + " must be one e-mail address, e.g. ops@example.com");
    }
}
