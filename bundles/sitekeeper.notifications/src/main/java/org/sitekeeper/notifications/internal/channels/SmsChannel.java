package org.sitekeeper.notifications.internal.channels;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.egress.EgressPolicy;
import org.sitekeeper.core.api.egress.OutboundHttp;
import org.sitekeeper.core.api.egress.OutboundRequest;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.notifications.api.ChannelField;
import org.sitekeeper.notifications.api.DeliveryResult;
import org.sitekeeper.notifications.api.NotificationChannel;
import org.sitekeeper.notifications.api.OutgoingMessage;
import org.sitekeeper.notifications.internal.domain.Template;
import org.sitekeeper.notifications.internal.service.NotificationStores;

/**
 * SMS through any HTTP SMS gateway: the URL, method, credentials (HTTP Basic or a bearer token) and a body template
 * with {@code {{to}}} and {@code {{text}}} are configurable, so Twilio-style form posts and JSON APIs both work.
 * A per-day cap (UTC days, counted over every node from the delivery log) stops a storm from running up a bill.
 * Each recipient is one request; when only some recipients got it, the delivery counts as delivered (sending the
 * others again would send duplicates to the rest) and the log names who did not.
 */
@Component(service = NotificationChannel.class)
public final class SmsChannel implements NotificationChannel {

    static final String TYPE = "sms";
    static final String JSON_BODY = "{\"to\": \"{{to}}\", \"text\": \"{{text}}\"}";
    static final String FORM_BODY = "to={{to}}&text={{text}}";
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Logger LOG = LoggerFactory.getLogger(SmsChannel.class);

    private final OutboundHttp http;
    private final EgressPolicy egress;
    private final NotificationStores stores;
    private final Clock clock;
    /** Messages this node is sending right now, per channel, on top of what the log counts. */
    private final Map<Long, AtomicInteger> sending = new ConcurrentHashMap<>();

    @Activate
    public SmsChannel(
            @Reference OutboundHttp http,
            @Reference EgressPolicy egress,
            @Reference NotificationStores stores,
            @Reference Clock clock) {
        this.http = http;
        this.egress = egress;
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String title() {
        return "SMS (HTTP gateway)";
    }

    @Override
    public boolean needsRecipients() {
        return true;
    }

    @Override
    public List<ChannelField> fields() {
        return List.of(
                ChannelField.required(
                        "url", "string", "the gateway's http(s) URL; for GET it may hold {{to}} and {{text}}"),
                ChannelField.optional("method", "string", "POST (default) or GET"),
                ChannelField.optional("content_type", "string", "json (default) or form: how the body is encoded"),
                ChannelField.optional(
                        "body_template",
                        "string",
                        "the body with {{to}} and {{text}}; default " + JSON_BODY + " (json) or " + FORM_BODY
                                + " (form)"),
                ChannelField.optional("username", "string", "HTTP Basic user name (e.g. an account SID)"),
                ChannelField.secret("password", false, "HTTP Basic password (e.g. an auth token)"),
                ChannelField.secret("token", false, "bearer token, sent as Authorization: Bearer …"),
                ChannelField.optional("daily_cap", "integer", "most messages per UTC day, default 50"),
                ChannelField.optional(
                        "max_length", "integer", "longest text in characters, default 459 (three parts)"));
    }

    @Override
    public Map<String, Object> validate(Map<String, Object> config) {
        ChannelSettings settings = new ChannelSettings(config);
        Map<String, Object> valid = new LinkedHashMap<>();
        String method = settings.choice("method", "post", "post", "get").toUpperCase(Locale.ROOT);
        String url = settings.text("url", true, 2000);
        // placeholders are filled in when sending; check the URL as it will look
        egress.checkUserUrl(
                ChannelSettings.field("url"), url.replace("{{to}}", "1").replace("{{text}}", "x"));
        valid.put("url", url);
        valid.put("method", method);
        String contentType = settings.choice("content_type", "json", "json", "form");
        valid.put("content_type", contentType);
        String body = settings.multiline("body_template", 2000);
        if (body != null) {
            try {
                Template.parse(body, false);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        ChannelSettings.field("body_template"), "config.body_template: " + e.getMessage());
            }
            if (!body.contains("{{to}}") || !body.contains("{{text}}")) {
                throw new InvalidInputException(
                        ChannelSettings.field("body_template"), "config.body_template must use {{to}} and {{text}}");
            }
        }
        valid.put("body_template", body);
        String username = settings.text("username", false, 200);
        String password = settings.secret("password", false, 500);
        String token = settings.secret("token", false, 2000);
        if (token != null && username != null) {
            throw new InvalidInputException("config.token", "give either username and password or token, not both");
        }
        if (password != null && username == null) {
            throw InvalidInputException.missing("config.username");
        }
        valid.put("username", username);
        valid.put("password", password);
        valid.put("token", token);
        valid.put("daily_cap", settings.integer("daily_cap", 50, 1, 100_000));
        valid.put("max_length", settings.integer("max_length", 459, 20, 1600));
        return valid;
    }

    @Override
    public String validateRecipient(String field, String recipient) {
        String number = recipient.replaceAll("[\\s().-]", "");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        }
        if (!PHONE.matcher(number).matches()) {
            throw new InvalidInputException(
                    field, field + " must be a phone number in international form, e.g. +4915112345678");
        }
        return number;
    }

    @Override
    public DeliveryResult deliver(OutgoingMessage message) {
        int cap = intSetting(message, "daily_cap", 50);
        Instant midnight = clock.instant()
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        AtomicInteger inFlight = sending.computeIfAbsent(message.channelId(), id -> new AtomicInteger());
        String text = text(message, intSetting(message, "max_length", 459));
        List<String> sent = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        DeliveryResult last = null;
        for (String to : message.recipients()) {
            long today = stores.outbox().recipientsDeliveredSince(message.channelId(), midnight) + inFlight.get();
            if (today >= cap) {
                LOG.warn("SMS channel {} reached its daily cap of {} messages", message.channelName(), cap);
                problems.add(mask(to) + " (daily cap of " + cap + " reached)");
                last = DeliveryResult.failed(
                        "daily cap of " + cap + " SMS reached; raise config.daily_cap to send more");
                continue;
            }
            inFlight.incrementAndGet();
            try {
                last = HttpDelivery.send(http, request(message, to, text), clock);
            } finally {
                inFlight.decrementAndGet();
            }
            if (last instanceof DeliveryResult.Delivered) {
                sent.add(mask(to));
            } else {
                problems.add(mask(to) + " (" + reason(last) + ")");
            }
        }
        if (sent.isEmpty()) {
            return last == null ? DeliveryResult.failed("no recipients") : last;
        }
        return DeliveryResult.delivered("sent to " + String.join(", ", sent)
                + (problems.isEmpty() ? "" : "; not sent to " + String.join(", ", problems)));
    }

    private OutboundRequest request(OutgoingMessage message, String to, String text) {
        String method = message.setting("method") == null ? "POST" : message.setting("method");
        boolean form = "form".equals(message.setting("content_type"));
        OutboundRequest.Builder builder;
        if ("GET".equals(method)) {
            String url = message.setting("url")
                    .replace("{{to}}", URLEncoder.encode(to, StandardCharsets.UTF_8))
                    .replace("{{text}}", URLEncoder.encode(text, StandardCharsets.UTF_8));
            builder = OutboundRequest.get(URI.create(url));
        } else {
            String template = message.setting("body_template") != null
                    ? message.setting("body_template")
                    : form ? FORM_BODY : JSON_BODY;
            Map<String, Object> values = Map.of(
                    "to", form ? URLEncoder.encode(to, StandardCharsets.UTF_8) : jsonEscape(to),
                    "text", form ? URLEncoder.encode(text, StandardCharsets.UTF_8) : jsonEscape(text));
            byte[] body = Template.parse(template, false).render(values).getBytes(StandardCharsets.UTF_8);
            builder = OutboundRequest.post(URI.create(message.setting("url")))
                    .body(body, form ? "application/x-www-form-urlencoded" : "application/json");
        }
        if (message.setting("token") != null) {
            builder.header("Authorization", "Bearer " + message.setting("token"));
        } else if (message.setting("username") != null) {
            String pair = message.setting("username") + ":"
                    + (message.setting("password") == null ? "" : message.setting("password"));
            builder.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return builder.timeout(HttpDelivery.timeout(message, clock))
                .maxResponseBytes(HttpDelivery.MAX_RESPONSE)
                .build();
    }

    /** The subject, then the first alert's message, cut to {@code max} characters. */
    static String text(OutgoingMessage message, int max) {
        StringBuilder text = new StringBuilder(message.subject());
        if (message.alerts().size() == 1) {
            String detail = message.alerts().get(0).message();
            if (detail != null && !detail.isBlank()) {
                text.append(" — ").append(detail.strip());
            }
            if (message.alerts().get(0).link() != null) {
                text.append(' ').append(message.alerts().get(0).link());
            }
        }
        String flat = text.toString().replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A phone number for the log: the last three digits only. */
    static String mask(String number) {
        return number.length() <= 4 ? "***" : number.substring(0, 3) + "…" + number.substring(number.length() - 3);
    }

    private static int intSetting(OutgoingMessage message, String name, int fallback) {
        Object value = message.config().get(name);
        return value instanceof Number n ? n.intValue() : fallback;
    }

    private static String reason(DeliveryResult result) {
        if (result instanceof DeliveryResult.Retry retry) {
            return retry.reason();
        }
        if (result instanceof DeliveryResult.Failed failed) {
            return failed.reason();
        }
        return "sent";
    }
}
