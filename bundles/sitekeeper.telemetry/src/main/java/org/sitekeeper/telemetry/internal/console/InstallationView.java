package org.sitekeeper.telemetry.internal.console;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

import org.sitekeeper.console.Html;
import org.sitekeeper.core.api.Format;
import org.sitekeeper.telemetry.api.EventDto;
import org.sitekeeper.telemetry.api.InstallationDetail;
import org.sitekeeper.telemetry.api.InstallationDto;
import org.sitekeeper.telemetry.api.ToggleDto;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;

/** One installation on the telemetry page: what it reports, its recent events, toggles and upgrade notices. */
final class InstallationView {

    private InstallationView() {}

    /**
     * @param toggles every setting of its toggles, newest first (those in force flagged)
     * @param forms the action forms for ops and admins, or empty for viewers
     */
    static void render(InstallationDetail detail, List<ToggleDto> toggles, String forms, Instant now, PrintWriter out) {
        InstallationDto i = detail.installation();
        out.println("<p><a href=\"" + TelemetryPage.LABEL + "\">← All installations</a> · <a href=\""
                + Html.esc(TelemetryPage.LABEL + "?merchant_id=" + Html.encode(i.merchantId()))
                + "\">This merchant's installations</a></p>");
        out.println("<h2 id=\"sk-installation-title\">" + Html.esc(TelemetryText.merchant(i)) + " · "
                + Html.esc(i.cms()) + " " + TelemetryHtml.status(i.status()) + "</h2>");
        out.println("<p class=\"sk-dim\">" + TelemetryHtml.version(i) + " · error rate "
                + Html.esc(TelemetryText.percent(i.errorRate())) + " · last heartbeat "
                + Html.esc(Format.ago(i.lastHeartbeat(), now)) + "</p>");
        out.print(forms);
        List<ToggleDto> inForce = detail.activeToggles();
        if (inForce.stream().anyMatch(t -> "block_plugin".equals(t.toggleKey()) && t.toggleValue())) {
            out.println("<div class=\"sk-notice sk-bad\" id=\"sk-blocked\">Blocked: the plugin is told to stop on its"
                    + " next heartbeat.</div>");
        }
        details(i, out);
        activeToggles(inForce, out);
        toggleHistory(toggles, out);
        events(detail.recentEvents(), out);
        notices(detail.notifications(), out);
    }

    private static void details(InstallationDto i, PrintWriter out) {
        out.println("<h2>Installation</h2><table class=\"sk-table\" id=\"sk-installation\">");
        TelemetryHtml.detail(out, "Id", Html.esc(i.id()));
        TelemetryHtml.detail(
                out, "Merchant", Html.esc(i.merchantName()) + " <code>" + Html.esc(i.merchantId()) + "</code>");
        TelemetryHtml.detail(out, "Merchant email", Html.esc(i.merchantEmail()));
        TelemetryHtml.detail(out, "CMS", Html.esc(i.cms()));
        TelemetryHtml.detail(out, "Site", TelemetryHtml.siteLink(i.siteUrl()));
        TelemetryHtml.detail(out, "Plugin version", Html.esc(i.pluginVersion() == null ? "-" : i.pluginVersion()));
        TelemetryHtml.detail(out, "Latest version", Html.esc(i.latestVersion() == null ? "-" : i.latestVersion()));
        TelemetryHtml.detail(out, "Upgrade", i.upgradeType() == null ? "-" : TelemetryHtml.upgrade(i.upgradeType()));
        TelemetryHtml.detail(out, "Status", TelemetryHtml.status(i.status()));
        TelemetryHtml.detail(
                out,
                "Error rate (24 h)",
                Html.esc(TelemetryText.percent(i.errorRate()) + " · " + i.errors24h() + " errors of " + i.events24h()
                        + " events"));
        TelemetryHtml.detail(
                out,
                "Errors last hour",
                Html.esc(i.errorsLastHour() == null ? "-" : i.errorsLastHour().toString()));
        TelemetryHtml.detail(out, "Last heartbeat", Html.esc(Format.instant(i.lastHeartbeat())));
        TelemetryHtml.detail(out, "Heartbeats", Long.toString(i.heartbeatCount()));
        TelemetryHtml.detail(out, "Environment", Html.esc(i.environment()));
        TelemetryHtml.detail(out, "SDK language", Html.esc(i.sdkLanguage()));
        TelemetryHtml.detail(out, "PHP", Html.esc(i.phpVersion()));
        TelemetryHtml.detail(out, "WordPress", Html.esc(i.wordpressVersion()));
        TelemetryHtml.detail(out, "Server", Html.esc(TelemetryText.pairs(i.serverInfo(), 500)));
        TelemetryHtml.detail(out, "First seen", Html.esc(Format.instant(i.createdAt())));
        out.println("</table>");
    }

    private static void activeToggles(List<ToggleDto> toggles, PrintWriter out) {
        out.println("<h2>Toggles in force</h2>");
        if (toggles.isEmpty()) {
            out.println("<p class=\"sk-dim\" id=\"sk-active-toggles\">None: every toggle is off.</p>");
            return;
        }
        out.println("<table class=\"sk-table\" id=\"sk-active-toggles\"><tr><th>Toggle</th><th>Value</th>"
                + "<th>Reason</th><th>By</th><th>Set</th><th>Expires</th></tr>");
        for (ToggleDto t : toggles) {
            out.println(toggleRow(t, false));
        }
        out.println("</table>");
    }

    private static void toggleHistory(List<ToggleDto> toggles, PrintWriter out) {
        if (toggles.isEmpty()) {
            return;
        }
        out.println("<h2>Toggle history</h2>");
        out.println("<table class=\"sk-table\" id=\"sk-toggle-history\"><tr><th>Toggle</th><th>Value</th>"
                + "<th>Reason</th><th>By</th><th>Set</th><th>Expires</th><th></th></tr>");
        toggles.stream().limit(TelemetryPage.TOGGLES_SHOWN).forEach(t -> out.println(toggleRow(t, true)));
        out.println("</table>");
        if (toggles.size() > TelemetryPage.TOGGLES_SHOWN) {
            out.println("<p class=\"sk-dim\">The newest " + TelemetryPage.TOGGLES_SHOWN + " of " + toggles.size()
                    + " settings.</p>");
        }
    }

    private static String toggleRow(ToggleDto t, boolean withState) {
        return "<tr data-toggle=\"" + Html.esc(t.toggleKey()) + "\"><td>" + Html.esc(t.toggleKey()) + "</td><td>"
                + (t.toggleValue() ? Html.badge("on", "warn") : Html.badge("off", "muted"))
                + (t.ratePerMinute() == null ? "" : " " + Html.esc(t.ratePerMinute() + "/min")) + "</td><td>"
                + Html.esc(t.reason()) + "</td><td>" + Html.esc(t.updatedBy()) + "</td><td>"
                + Html.esc(Format.instant(t.createdAt())) + "</td><td>"
                + Html.esc(t.expiresAt() == null ? "never" : Format.instant(t.expiresAt())) + "</td>"
                + (withState
                        ? "<td>" + (t.active() ? Html.badge("in force", "info") : Html.badge("superseded", "muted"))
                                + "</td>"
                        : "")
                + "</tr>";
    }

    private static void events(List<EventDto> events, PrintWriter out) {
        out.println("<h2>Recent events</h2>");
        if (events.isEmpty()) {
            out.println("<p class=\"sk-dim\" id=\"sk-events\">No events yet.</p>");
            return;
        }
        out.println("<table class=\"sk-table\" id=\"sk-events\"><tr><th>Occurred</th><th>Type</th><th>Severity</th>"
                + "<th>Data</th><th>Stack trace</th></tr>");
        for (EventDto e : events.stream().limit(TelemetryPage.EVENTS_SHOWN).toList()) {
            out.println("<tr data-event-id=\"" + e.id() + "\"><td>"
                    + Html.esc(Format.instant(e.occurredAt() == null ? e.receivedAt() : e.occurredAt())) + "</td><td>"
                    + TelemetryHtml.eventType(e.eventType()) + "</td><td>" + TelemetryHtml.severity(e.severity())
                    + "</td><td>" + Html.esc(TelemetryText.pairs(e.eventData(), 300)) + "</td><td><code>"
                    + Html.esc(TelemetryText.cut(TelemetryText.firstLine(e.stackTrace()), 200)) + "</code></td></tr>");
        }
        out.println("</table>");
    }

    private static void notices(List<UpgradeNoticeDto> notices, PrintWriter out) {
        out.println("<h2>Upgrade notices</h2>");
        if (notices.isEmpty()) {
            out.println("<p class=\"sk-dim\" id=\"sk-notices\">None sent.</p>");
            return;
        }
        out.println("<table class=\"sk-table\" id=\"sk-notices\"><tr><th>Sent</th><th>Upgrade</th><th>Channel</th>"
                + "<th>Priority</th><th>Status</th><th>Detail</th><th>By</th></tr>");
        for (UpgradeNoticeDto n : notices) {
            out.println("<tr data-notice-id=\"" + Html.esc(n.id()) + "\"><td>" + Html.esc(Format.instant(n.sentAt()))
                    + "</td><td>" + Html.esc(TelemetryText.version(n.currentVersion(), n.targetVersion(), true)) + " "
                    + TelemetryHtml.upgrade(n.upgradeType()) + "</td><td>" + Html.esc(n.channel()) + "</td><td>"
                    + Html.esc(n.priority()) + "</td><td>"
                    + TelemetryHtml.noticeStatus(n.status(), n.acknowledgedAt() != null)
                    + (n.acknowledgedAt() == null
                            ? ""
                            : " <span class=\"sk-dim\">"
                                    + Html.esc(Format.instant(n.acknowledgedAt()) + " by "
                                            + (n.acknowledgedBy() == null ? "-" : n.acknowledgedBy()))
                                    + "</span>")
                    + "</td><td>" + Html.esc(n.detail()) + "</td><td>" + Html.esc(n.sentBy()) + "</td></tr>");
        }
        out.println("</table>");
    }
}
