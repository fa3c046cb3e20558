package org.sitekeeper.uptime.internal.shell;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Format;
import org.sitekeeper.uptime.api.DailyBar;
import org.sitekeeper.uptime.api.IncidentDto;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.UptimeStats;
import org.sitekeeper.uptime.internal.view.UptimeText;

/** How monitors, uptime windows, daily bars and incidents print in the shell. */
final class UptimeTables {

    private UptimeTables() {}

    static void monitors(List<MonitorDto> monitors, PrintStream out) {
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("State");
        table.column("Since");
        table.column("Name").maxSize(30);
        table.column("URL").maxSize(50);
        table.column("Last check");
        table.column("Response").alignRight();
        table.column("Certificate");
        table.column("Last error").maxSize(40);
        for (MonitorDto m : monitors) {
            table.addRow()
                    .addContent(
                            m.id(),
                            m.state().wireName(),
                            Format.ago(m.stateSince(), now),
                            m.name(),
                            m.url(),
                            Format.ago(m.lastCheckAt(), now),
                            UptimeText.millis(m.lastResponseMs()),
                            m.certificateDaysLeft() == null ? "-" : m.certificateDaysLeft() + " d left",
                            UptimeListCommand.lastError(m));
        }
        table.print(out);
    }

    static void stats(List<UptimeStats> stats, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Window");
        table.column("Uptime").alignRight();
        table.column("Avg").alignRight();
        table.column("p95").alignRight();
        table.column("Checks").alignRight();
        table.column("Incidents").alignRight();
        for (UptimeStats s : stats) {
            table.addRow()
                    .addContent(
                            s.window(),
                            UptimeText.percent(s.uptimePercent()),
                            UptimeText.millis(s.avgResponseMs()),
                            UptimeText.millis(s.p95ResponseMs()),
                            s.checks(),
                            s.incidents());
        }
        table.print(out);
    }

    static void days(List<DailyBar> days, PrintStream out) {
        if (days.isEmpty()) {
            return;
        }
        out.println("Last " + days.size() + " days, " + days.get(0).day() + " to "
                + days.get(days.size() - 1).day() + " (" + UptimeText.LEGEND + "):");
        out.println(UptimeText.bar(days));
    }

    static void incidents(List<IncidentDto> incidents, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Monitor").maxSize(30);
        table.column("Site").alignRight();
        table.column("Cause");
        table.column("Started");
        table.column("Ended");
        table.column("Lasted").alignRight();
        table.column("Detail").maxSize(50);
        for (IncidentDto i : incidents) {
            table.addRow()
                    .addContent(
                            i.id(),
                            i.monitorName() + " (" + i.monitorId() + ")",
                            i.siteId() == null ? "" : i.siteId(),
                            i.cause() == null ? "-" : i.cause().wireName(),
                            Format.instant(i.startedAt()),
                            i.open() ? "open" : Format.instant(i.endedAt()),
                            Format.duration(Duration.ofSeconds(i.durationSeconds())),
                            UptimeListCommand.oneLine(i.detail()));
        }
        table.print(out);
    }
}
