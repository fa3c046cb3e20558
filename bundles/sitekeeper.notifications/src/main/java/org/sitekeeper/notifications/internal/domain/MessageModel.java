package org.sitekeeper.notifications.internal.domain;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sitekeeper.core.api.event.Severity;
import org.sitekeeper.notifications.api.AlertSummary;

/** The values templates see for a message about one alert, or a group of alerts. */
public final class MessageModel {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private MessageModel() {}

    /**
     * Every event property by its own name (e.g. {@code orders.expected}), plus {@code title}, {@code message},
     * {@code severity} ({@code SEVERITY} upper-case, {@code severity_icon}), {@code topic}, {@code capability},
     * {@code event}, {@code alert_key}, {@code site_id}, {@code site_name}, {@code site_url}, {@code site_group},
     * {@code link} (absolute), {@code occurred_at}, {@code recovery}, {@code repeat}, {@code kind}, {@code hub_url}.
     */
    public static Map<String, Object> of(AlertEvent alert, SiteFacts site, String kind, String hubUrl) {
        Map<String, Object> model = new HashMap<>(alert.properties());
        model.put("title", alert.title());
        model.put("message", alert.message());
        model.put("severity", alert.severity().wireName());
        model.put("SEVERITY", alert.severity().wireName().toUpperCase(Locale.ROOT));
        model.put("severity_icon", icon(alert.severity().wireName(), alert.recovery()));
        model.put("topic", alert.topic());
        model.put("capability", alert.capability());
        model.put("event", alert.eventName());
        model.put("alert_key", alert.alertKey());
        model.put("occurred_at", WHEN.format(alert.occurredAt()));
        model.put("recovery", alert.recovery());
        model.put("repeat", NotificationPolicy.REPEAT.equals(kind));
        model.put("kind", kind);
        model.put("hub_url", hubUrl);
        model.put("link", absolute(alert.link(), hubUrl));
        if (alert.siteId() != null) {
            model.put("site_id", alert.siteId());
        }
        if (site != null) {
            model.put("site_name", site.name());
            model.put("site_url", site.url());
            model.put("site_group", site.group());
        }
        return model;
    }

    /** {@code count}, {@code first_title}, {@code more} and {@code alerts} (one model per alert) for grouped messages. */
    public static Map<String, Object> grouped(List<Map<String, Object>> alerts, String hubUrl) {
        Map<String, Object> model = new HashMap<>();
        model.put("alerts", new ArrayList<>(alerts));
        model.put("count", alerts.size());
        model.put("first_title", alerts.isEmpty() ? "" : alerts.get(0).get("title"));
        model.put("more", alerts.size() > 1 ? alerts.size() - 1 : 0);
        long firing = alerts.stream()
                .filter(a -> !Boolean.TRUE.equals(a.get("recovery")))
                .count();
        model.put("firing", firing);
        model.put("resolved", alerts.size() - firing);
        String worst = alerts.stream()
                .filter(a -> !Boolean.TRUE.equals(a.get("recovery")))
                .map(a -> (String) a.get("severity"))
                .max((x, y) -> Integer.compare(rank(x), rank(y)))
                .orElse("info");
        model.put("severity", worst);
        model.put("SEVERITY", worst.toUpperCase(Locale.ROOT));
        model.put("severity_icon", icon(worst, firing == 0));
        model.put("hub_url", hubUrl);
        return model;
    }

    /** The alert as channels receive it (structured, for Slack attachments and webhook payloads). */
    public static AlertSummary summary(AlertEvent alert, SiteFacts site, String hubUrl) {
        return new AlertSummary(
                alert.alertKey(),
                alert.topic(),
                alert.severity().wireName(),
                alert.recovery(),
                alert.title(),
                alert.message(),
                absolute(alert.link(), hubUrl),
                alert.siteId(),
                site == null ? null : site.name(),
                alert.occurredAt());
    }

    /** A link relative to the hub ({@code /system/console/…}) made absolute with the hub's public URL. */
    public static String absolute(String link, String hubUrl) {
        if (link == null || link.isBlank()) {
            return null;
        }
        if (link.startsWith("/") && hubUrl != null && !hubUrl.isBlank()) {
            return hubUrl.replaceAll("/+$", "") + link;
        }
        return link;
    }

    static String icon(String severity, boolean recovery) {
        if (recovery) {
            return "✅";
        }
        return switch (severity) {
            case "critical" -> "🔴";
            case "warning" -> "⚠";
            default -> "ℹ";
        };
    }

    private static int rank(String severity) {
        return Severity.fromWireName(severity).map(Enum::ordinal).orElse(0);
    }
}
