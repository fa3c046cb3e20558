package org.sitekeeper.telemetry.internal.console;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import org.sitekeeper.console.Html;
import org.sitekeeper.console.Svg;
import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.InstallationDto;
import org.sitekeeper.telemetry.api.StatsOverview;
import org.sitekeeper.telemetry.internal.domain.InstallStatus;
import org.sitekeeper.telemetry.internal.domain.ToggleKey;

/** HTML pieces the telemetry pages share; every stored string goes through {@link Html#esc}. */
final class TelemetryHtml {

    /** Installation statuses, in the order filters and cards list them. */
    static final List<String> STATUSES = java.util.Arrays.stream(InstallStatus.values())
            .map(InstallStatus::wireName)
            .toList();

    /** Toggle keys ops can set. */
    static final List<String> TOGGLE_KEYS =
            java.util.Arrays.stream(ToggleKey.values()).map(ToggleKey::wireName).toList();

    /** Connection statuses of seed 001's tokens. */
    static final List<String> CONNECTION_STATUSES = List.of("connected", "stale", "never", "revoked");

    private TelemetryHtml() {}

    /** Seed 002's status badge: active green, outdated yellow, blocked and error (no heartbeat) red. */
    static String status(String status) {
        return Html.badge(status == null ? "unknown" : status, statusKind(status));
    }

    static String statusKind(String status) {
        if (status == null) {
            return "muted";
        }
        return switch (status) {
            case "active" -> "ok";
            case "outdated" -> "warn";
            case "blocked", "error" -> "bad";
            default -> "muted";
        };
    }

    /** How big the pending upgrade is: security red, major yellow, minor blue, patch grey. */
    static String upgrade(String upgradeType) {
        if (upgradeType == null) {
            return "";
        }
        return Html.badge(
                upgradeType,
                switch (upgradeType) {
                    case "security" -> "bad";
                    case "major" -> "warn";
                    case "minor" -> "info";
                    default -> "muted";
                });
    }

    /** Seed 002's {@code 1.2.0 → 1.3.5} with the kind of upgrade, or the version with "up to date". */
    static String version(InstallationDto i) {
        String text = Html.esc(TelemetryText.version(i));
        if (i.pluginVersion() == null || i.pluginVersion().isBlank()) {
            return text;
        }
        if (TelemetryText.behind(i)) {
            return "<span class=\"sk-version\" data-behind=\"true\">" + text + "</span>"
                    + (i.upgradeType() == null ? "" : " " + upgrade(i.upgradeType()));
        }
        return "<span class=\"sk-version\" data-behind=\"false\">" + text + "</span> <span class=\"sk-dim\">"
                + (i.latestVersion() == null ? "no version registered" : "up to date") + "</span>";
    }

    static String severity(String severity) {
        if (severity == null) {
            return "";
        }
        return Html.badge(
                severity,
                switch (severity) {
                    case "critical", "error" -> "bad";
                    case "warning" -> "warn";
                    case "info" -> "info";
                    default -> "muted";
                });
    }

    static String eventType(String type) {
        if (type == null) {
            return "";
        }
        return Html.badge(
                type,
                switch (type) {
                    case "payment_success" -> "ok";
                    case "payment_failed", "error" -> "bad";
                    case "warning" -> "warn";
                    default -> "info";
                });
    }

    static String noticeStatus(String status, boolean acknowledged) {
        if (acknowledged) {
            return Html.badge("acknowledged", "ok");
        }
        if (status == null) {
            return "";
        }
        String s = status.toLowerCase(Locale.ROOT);
        return Html.badge(
                status,
                s.contains("fail") || s.contains("refused")
                        ? "bad"
                        : s.contains("sent") || s.contains("delivered") ? "ok" : "info");
    }

    /** Seed 001's badge: {@code ✅ Connected} while heartbeats arrive, else {@code ⚪ Not Connected}. */
    static String wordpress(ConnectionDto c) {
        return c.wordpressConnected()
                ? "<span class=\"sk-badge sk-ok\" data-connected=\"true\">✅ Connected</span>"
                : "<span class=\"sk-badge sk-muted\" data-connected=\"false\">⚪ Not Connected</span>";
    }

    static String connectionStatus(String status) {
        if (status == null) {
            return "";
        }
        return Html.badge(
                status,
                switch (status) {
                    case "connected" -> "ok";
                    case "stale" -> "warn";
                    case "revoked" -> "bad";
                    default -> "muted";
                });
    }

    /** A link to a site that opens apart from the console; text only when it is not an http(s) address. */
    static String siteLink(String url) {
        if (url == null || url.isBlank()) {
            return "<span class=\"sk-dim\">-</span>";
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return "<a href=\"" + Html.esc(url.strip()) + "\" rel=\"noopener noreferrer\" target=\"_blank\">"
                    + Html.esc(url) + "</a>";
        }
        return Html.esc(url);
    }

    /** The link to one installation on the telemetry page. */
    static String installationLink(String id, String text) {
        return "<a href=\"" + TelemetryPage.LABEL + "?id=" + Html.esc(Html.encode(id)) + "\">" + Html.esc(text)
                + "</a>";
    }

    /** Seed 002's CMS breakdown as horizontal bars, largest first. */
    static String cmsChart(StatsOverview stats, int width) {
        List<Svg.Bar> bars = stats.cmsBreakdown().stream()
                .sorted((a, b) -> Long.compare(b.count(), a.count()))
                .map(c -> new Svg.Bar(c.cms(), c.count(), "info"))
                .toList();
        return Svg.bars(bars, width);
    }

    static void detail(PrintWriter out, String label, String html) {
        out.println("<tr><th>" + Html.esc(label) + "</th><td>" + html + "</td></tr>");
    }
}
