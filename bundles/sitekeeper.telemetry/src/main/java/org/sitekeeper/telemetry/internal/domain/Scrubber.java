package org.sitekeeper.telemetry.internal.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps card numbers and secrets out of stored telemetry. Plugins send what they have — order data, exception
 * messages, stack traces with request dumps — and a hub that stores it must not become a store of card numbers
 * or keys. Removed: digit runs of 13–19 digits (spaces or dashes allowed between) that pass the Luhn check, the
 * values of fields named like secrets ({@code password}, {@code api_key}, {@code card_number}, {@code cvv}, …),
 * {@code Bearer}/{@code Basic} credentials, {@code key=value} pairs with such names in text, and well-known key
 * formats (Stripe-style {@code sk_live_…}, {@code whsec_…}, AWS access key ids, PEM private keys). Text is then
 * capped in length.
 */
public final class Scrubber {

    public static final String CARD = "[card number removed]";
    public static final String REMOVED = "[removed]";

    /** Nesting kept in event data; deeper levels are replaced. */
    static final int MAX_DEPTH = 8;

    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern KNOWN_KEYS = Pattern.compile("\\b(?:[sr]k_(?:live|test)_[A-Za-z0-9]{8,}"
            + "|whsec_[A-Za-z0-9+/=]{8,}"
            + "|AKIA[0-9A-Z]{16}"
            + "|gh[pousr]_[A-Za-z0-9]{20,})");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)", Pattern.DOTALL);
    /** {@code name=value}, {@code name: value}, {@code "name": "value"} in free text. */
    private static final Pattern NAMED_VALUE = Pattern.compile(
            "(?i)([\"']?)([A-Za-z0-9_.-]{2,40})\\1(\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&?\"'}\\]]+)");

    private static final Set<String> SECRET_NAMES = Set.of(
            "pwd",
            "pass",
            "auth",
            "pan",
            "pin",
            "iban",
            "cc",
            "ccnumber",
            "cardno",
            "securitycode",
            "cvv2",
            "sig",
            "signature");
    private static final List<String> SECRET_PARTS = List.of(
            "password",
            "passwd",
            "secret",
            "token",
            "apikey",
            "authorization",
            "privatekey",
            "accesskey",
            "cardnumber",
            "cvv",
            "cvc",
            "cookie",
            "session");

    private Scrubber() {}

    /** Whether a field of this name holds a secret (case, {@code _}, {@code -} and {@code .} do not matter). */
    public static boolean isSecretName(String name) {
        if (name == null) {
            return false;
        }
        String n = letterAndDigits(name);
        if (SECRET_NAMES.contains(n) || n.endsWith("pass") || n.endsWith("pwd")) {
            return true;
        }
        for (String part : SECRET_PARTS) {
            if (n.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** {@code name} in lower case with only its ASCII letters and digits. */
    private static String letterAndDigits(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (c > 127) {
                // as the regular expression did: lower-case first (some letters lower-case to ASCII), then keep ASCII
                String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
                for (int j = 0; j < lower.length(); j++) {
                    char l = lower.charAt(j);
                    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
                        out.append(l);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code Authorization: Bearer …}: the credential after the scheme was already removed. */
    private static boolean isScheme(String value) {
        return "bearer".equalsIgnoreCase(value) || "basic".equalsIgnoreCase(value);
    }

    /** {@code text} without card numbers and secrets, and at most {@code maxChars} long; {@code null} stays null. */
    public static String text(String text, int maxChars) {
        return text(text, maxChars, true);
    }

    /**
     * With {@code shortcuts}, each pass runs only when the text holds what its pattern cannot match without: most
     * values a plugin sends (versions, host names, messages) skip every pass. Without, every pass runs (the tests'
     * reference: the shortcuts never change a result).
     */
    static String text(String text, int maxChars, boolean shortcuts) {
        if (text == null) {
            return null;
        }
        String s = text.length() > maxChars * 4L ? text.substring(0, maxChars * 4) : text;
        Shape shape = shortcuts ? Shape.of(s) : Shape.ANY;
        if (shape.dashes && (shape == Shape.ANY || s.contains("PRIVATE KEY-----"))) {
            s = PEM.matcher(s).replaceAll(REMOVED);
        }
        if (shape.letters >= 5
                && (shape == Shape.ANY || containsIgnoreCase(s, "bearer") || containsIgnoreCase(s, "basic"))) {
            s = AUTH_HEADER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + REMOVED));
        }
        if (shape.underscores || s.contains("AKIA")) {
            s = KNOWN_KEYS.matcher(s).replaceAll(REMOVED);
        }
        if (shape.separators) {
            s = NAMED_VALUE
                    .matcher(s)
                    .replaceAll(m -> Matcher.quoteReplacement(
                            isSecretName(m.group(2)) && !isScheme(m.group(4))
                                    ? m.group(1) + m.group(2) + m.group(1) + m.group(3) + REMOVED
                                    : m.group()));
        }
        if (shape.digits >= 13) {
            s = cards(s);
        }
        return cap(s, maxChars);
    }

    /** What a text holds, counted in one pass: which scrubbing passes could match anything in it. */
    private record Shape(int digits, int letters, boolean dashes, boolean underscores, boolean separators) {
        static final Shape ANY = new Shape(Integer.MAX_VALUE, Integer.MAX_VALUE, true, true, true);

        static Shape of(String s) {
            int digits = 0;
            int letters = 0;
            boolean dashes = false;
            boolean underscores = false;
            boolean separators = false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                } else if (Character.isLetter(c)) {
                    letters++;
                } else if (c == '-') {
                    dashes = true;
                } else if (c == '_') {
                    underscores = true;
                } else if (c == ':' || c == '=') {
                    separators = true;
                }
            }
            return new Shape(digits, letters, dashes, underscores, separators);
        }
    }

    private static boolean containsIgnoreCase(String s, String word) {
        for (int i = 0; i + word.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Event data without secrets: fields named like secrets lose their values, text loses card numbers and keys
     * (each string at most {@code maxStringChars}), nesting deeper than {@value #MAX_DEPTH} levels is cut.
     */
    public static Map<String, Object> data(Map<String, ?> data, int maxStringChars) {
        if (data == null) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> cleaned = (Map<String, Object>) value(data, maxStringChars, 0);
        return cleaned;
    }

    private static Object value(Object value, int maxChars, int depth) {
        if (value instanceof Map<?, ?> map) {
            if (depth >= MAX_DEPTH) {
                return REMOVED;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(
                        key,
                        isSecretName(key) && e.getValue() != null ? REMOVED : value(e.getValue(), maxChars, depth + 1));
            }
            return out;
        }
        if (value instanceof List<?> list) {
            if (depth >= MAX_DEPTH) {
                return REMOVED;
            }
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(value(item, maxChars, depth + 1));
            }
            return out;
        }
        if (value instanceof String s) {
            return text(s, maxChars);
        }
        if (value instanceof Number n && !(n instanceof Double) && !(n instanceof Float)) {
            // a card number sent as a JSON number
            String digits = n.toString();
            return digits.length() >= 13 && digits.length() <= 19 && luhn(digits) ? CARD : n;
        }
        return value;
    }

    private static String cards(String s) {
        Matcher m = DIGIT_RUN.matcher(s);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                }
                out.append(s, last, m.start()).append(CARD);
                last = m.end();
            }
        }
        if (out == null) {
            return s;
        }
        return out.append(s, last, s.length()).toString();
    }

    /** The Luhn (mod 10) check that every payment card number passes. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** {@code s} cut to {@code maxChars}, saying how much was cut. */
    public static String cap(String s, int maxChars) {
        if (s == null || s.length() <= maxChars) {
            return s;
        }
        String note = "… [" + (s.length() - maxChars) + " more characters cut]";
        int keep = Math.max(0, maxChars - note.length());
        return s.substring(0, keep) + note;
    }
}
