package org.sitekeeper.telemetry.internal.shell;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.telemetry.api.ConnectionDto;
import org.sitekeeper.telemetry.api.EventDto;
import org.sitekeeper.telemetry.api.InstallationDto;
import org.sitekeeper.telemetry.api.MerchantKeyDto;
import org.sitekeeper.telemetry.api.MonitoringRun;
import org.sitekeeper.telemetry.api.ToggleDto;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;
import org.sitekeeper.telemetry.api.VersionDto;
import org.sitekeeper.telemetry.internal.console.TelemetryText;

/** How installations, versions, toggles, notices, keys and connections print in the shell. */
final class TelemetryTables {

    private TelemetryTables() {}

    /** Seed 002's list: merchant, CMS, version → latest, status, error rate, plus the site and last heartbeat. */
    static void installations(List<InstallationDto> items, Instant now, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Merchant").maxSize(30);
        table.column("CMS");
        table.column("Site").maxSize(40);
        table.column("Version");
        table.column("Upgrade");
        table.column("Status");
        table.column("Error rate").alignRight();
        table.column("Last heartbeat");
        for (InstallationDto i : items) {
            table.addRow()
                    .addContent(
                            i.id(),
                            TelemetryText.merchant(i),
                            i.cms(),
                            TelemetryText.dash(i.siteUrl()),
                            TelemetryText.version(i),
                            TelemetryText.dash(i.upgradeType()),
                            i.status(),
                            TelemetryText.percent(i.errorRate()),
                            Format.ago(i.lastHeartbeat(), now));
        }
        table.print(out);
    }

    /** One installation as field/value rows. */
    static void installation(InstallationDto i, Instant now, PrintStream out) {
        ShellTable table = new ShellTable().noHeaders();
        table.column("Field");
        table.column("Value").maxSize(100);
        table.addRow().addContent("Id", i.id());
        table.addRow().addContent("Merchant", TelemetryText.merchant(i) + " (" + i.merchantId() + ")");
        table.addRow().addContent("Merchant email", TelemetryText.dash(i.merchantEmail()));
        table.addRow().addContent("CMS", i.cms());
        table.addRow().addContent("Site", TelemetryText.dash(i.siteUrl()));
        table.addRow().addContent("Version", TelemetryText.version(i));
        table.addRow().addContent("Latest version", TelemetryText.dash(i.latestVersion()));
        table.addRow().addContent("Upgrade", TelemetryText.dash(i.upgradeType()));
        table.addRow().addContent("Status", i.status());
        table.addRow()
                .addContent(
                        "Error rate (24 h)",
                        TelemetryText.percent(i.errorRate()) + " (" + i.errors24h() + " errors of " + i.events24h()
                                + " events)");
        table.addRow().addContent("Errors last hour", i.errorsLastHour() == null ? "-" : i.errorsLastHour());
        table.addRow()
                .addContent(
                        "Last heartbeat",
                        Format.instant(i.lastHeartbeat()) + " (" + Format.ago(i.lastHeartbeat(), now) + ")");
        table.addRow().addContent("Heartbeats", i.heartbeatCount());
        table.addRow().addContent("Environment", TelemetryText.dash(i.environment()));
        table.addRow().addContent("SDK language", TelemetryText.dash(i.sdkLanguage()));
        table.addRow().addContent("PHP", TelemetryText.dash(i.phpVersion()));
        table.addRow().addContent("WordPress", TelemetryText.dash(i.wordpressVersion()));
        table.addRow().addContent("Server", TelemetryText.dash(TelemetryText.pairs(i.serverInfo(), 100)));
        table.addRow().addContent("First seen", Format.instant(i.createdAt()));
        table.print(out);
    }

    static void toggles(List<ToggleDto> toggles, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Toggle");
        table.column("Value");
        table.column("In force");
        table.column("Reason").maxSize(40);
        table.column("By");
        table.column("Set");
        table.column("Expires");
        for (ToggleDto t : toggles) {
            table.addRow()
                    .addContent(
                            t.toggleKey(),
                            onOff(t.toggleValue())
                                    + (t.ratePerMinute() == null ? "" : " (" + t.ratePerMinute() + "/min)"),
                            t.active() ? "yes" : "no",
                            TelemetryText.dash(TelemetryText.oneLine(t.reason())),
                            TelemetryText.dash(t.updatedBy()),
                            Format.instant(t.createdAt()),
                            t.expiresAt() == null ? "never" : Format.instant(t.expiresAt()));
        }
        table.print(out);
    }

    static void events(List<EventDto> events, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Occurred");
        table.column("Type");
        table.column("Severity");
        table.column("Data").maxSize(50);
        table.column("Stack trace").maxSize(50);
        for (EventDto e : events) {
            table.addRow()
                    .addContent(
                            Format.instant(e.occurredAt() == null ? e.receivedAt() : e.occurredAt()),
                            e.eventType(),
                            TelemetryText.dash(e.severity()),
                            TelemetryText.pairs(e.eventData(), 200),
                            TelemetryText.firstLine(e.stackTrace()));
        }
        table.print(out);
    }

    static void notices(List<UpgradeNoticeDto> notices, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Sent");
        table.column("Upgrade");
        table.column("Type");
        table.column("Channel");
        table.column("Priority");
        table.column("Status");
        table.column("Detail").maxSize(50);
        for (UpgradeNoticeDto n : notices) {
            table.addRow()
                    .addContent(
                            n.id(),
                            Format.instant(n.sentAt()),
                            TelemetryText.version(n.currentVersion(), n.targetVersion(), true),
                            n.upgradeType(),
                            n.channel(),
                            n.priority(),
                            n.acknowledgedAt() == null ? n.status() : "acknowledged",
                            TelemetryText.dash(TelemetryText.oneLine(n.detail())));
        }
        table.print(out);
    }

    static void versions(List<VersionDto> versions, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("CMS");
        table.column("Version");
        table.column("Latest");
        table.column("Security");
        table.column("Released");
        table.column("Installations").alignRight();
        table.column("Release notes").maxSize(50);
        for (VersionDto v : versions) {
            table.addRow()
                    .addContent(
                            v.cms(),
                            v.version(),
                            v.latest() ? "yes" : "",
                            v.isSecurity() ? "yes" : "",
                            v.releasedAt() == null ? "-" : Format.instant(v.releasedAt()),
                            v.installations(),
                            TelemetryText.oneLine(v.releaseNotes()));
        }
        table.print(out);
    }

    static void keys(List<MerchantKeyDto> keys, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Merchant");
        table.column("Name").maxSize(30);
        table.column("Email").maxSize(40);
        table.column("Phone");
        table.column("Key");
        table.column("Created");
        table.column("By");
        table.column("Revoked");
        for (MerchantKeyDto k : keys) {
            table.addRow()
                    .addContent(
                            k.id(),
                            k.merchantId(),
                            TelemetryText.dash(k.merchantName()),
                            TelemetryText.dash(k.merchantEmail()),
                            TelemetryText.dash(k.merchantPhone()),
                            k.keyPrefix(),
                            Format.instant(k.createdAt()),
                            TelemetryText.dash(k.createdBy()),
                            k.revokedAt() == null ? "" : Format.instant(k.revokedAt()));
        }
        table.print(out);
    }

    /** Seed 001's dashboard as a table: WordPress connected or not, site, plugin version, "Last sync: …". */
    static void connections(List<ConnectionDto> connections, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name").maxSize(30);
        table.column("WordPress");
        table.column("Status");
        table.column("Site").maxSize(40);
        table.column("Plugin");
        table.column("WP");
        table.column("Last sync");
        table.column("Heartbeats").alignRight();
        table.column("Token");
        for (ConnectionDto c : connections) {
            table.addRow()
                    .addContent(
                            c.id(),
                            c.name(),
                            connected(c),
                            c.status(),
                            TelemetryText.dash(c.siteUrl()),
                            TelemetryText.dash(c.pluginVersion()),
                            TelemetryText.dash(c.wpVersion()),
                            TelemetryText.lastSync(c),
                            c.heartbeats(),
                            c.tokenPrefix());
        }
        table.print(out);
    }

    /** Seed 001's words, without the emoji a terminal may not show. */
    static String connected(ConnectionDto c) {
        return c.wordpressConnected() ? "Connected" : "Not Connected";
    }

    /** {@code hourly run: 120 installations, 3 marked outdated, … in 45 ms}, then one line per alert. */
    static String run(MonitoringRun r) {
        StringBuilder text = new StringBuilder()
                .append(r.kind())
                .append(" run: ")
                .append(r.installations())
                .append(" installations, ")
                .append(r.markedOutdated())
                .append(" marked outdated, ")
                .append(r.markedStale())
                .append(" marked stale, ")
                .append(r.errorRatesUpdated())
                .append(" error rates updated, ")
                .append(r.metricsRecorded())
                .append(" metrics recorded, ")
                .append(r.noticesSent())
                .append(" notices sent in ")
                .append(r.durationMillis())
                .append(" ms");
        for (String alert : r.alerts() == null ? List.<String>of() : r.alerts()) {
            text.append(System.lineSeparator()).append("  alert: ").append(TelemetryText.oneLine(alert));
        }
        return text.toString();
    }

    /** {@code Sent 2 upgrade notices (1.2.0 → 1.3.5, minor): email queued, in-app pending}. */
    static String notified(List<UpgradeNoticeDto> sent) {
        if (sent.isEmpty()) {
            return "No upgrade notice was sent";
        }
        UpgradeNoticeDto first = sent.get(0);
        return "Sent " + (sent.size() == 1 ? "1 upgrade notice" : sent.size() + " upgrade notices") + " ("
                + TelemetryText.version(first.currentVersion(), first.targetVersion(), true) + ", "
                + first.upgradeType() + "): "
                + sent.stream().map(n -> n.channel() + " " + n.status()).collect(Collectors.joining(", "));
    }

    /** A toggle value as typed: on/off, true/false, yes/no, 1/0. */
    static boolean onOff(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.missing(field);
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new InvalidInputException(field, field + " must be on or off");
        };
    }

    static String onOff(boolean value) {
        return value ? "on" : "off";
    }

    /** {@code 50 of 230 installations; more with --offset 50}. */
    static String footer(int shown, long total, String what, String nextOffset) {
        return shown + " of " + total + " " + what + (nextOffset == null ? "" : "; more with --offset " + nextOffset);
    }
}
