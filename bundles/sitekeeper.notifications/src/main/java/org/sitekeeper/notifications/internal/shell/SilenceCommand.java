package org.sitekeeper.notifications.internal.shell;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.notifications.api.NewSilence;
import org.sitekeeper.notifications.api.NotificationService;
import org.sitekeeper.notifications.api.Recurrence;
import org.sitekeeper.notifications.api.SilenceDto;

@Service
@Command(
        scope = "notify",
        name = "silence",
        description = "Silences alerts (recorded, not sent) for a while, or sets up a maintenance window.",
        detailedDescription = "Examples:\n"
                + "  notify:silence --site 42 --duration 2h --reason 'migrating'\n"
                + "  notify:silence --topic 'sitekeeper/uptime/*' --group clients --duration 30m\n"
                + "  notify:silence --maintenance --site 42 --every sun --at 02:00 --for 120 --zone Europe/Paris")
public class SilenceCommand implements Action {

    @Option(name = "--site", multiValued = true, description = "A site id (repeat for more; none: any site)")
    private List<Long> sites;

    @Option(name = "--group", aliases = "-g", multiValued = true, description = "A site group (repeat for more)")
    private List<String> groups;

    @Option(
            name = "--topic",
            aliases = "-t",
            multiValued = true,
            description = "A topic pattern, e.g. sitekeeper/uptime/*")
    private List<String> topics;

    @Option(name = "--duration", aliases = "-d", description = "How long from now (or --start): 90m, 2h, 1d")
    private String duration;

    @Option(name = "--start", description = "ISO-8601 start (default: now)")
    private String start;

    @Option(name = "--until", description = "ISO-8601 end instead of --duration")
    private String until;

    @Option(name = "--reason", aliases = "-r", description = "Why, for the record")
    private String reason;

    @Option(
            name = "--maintenance",
            aliases = "-m",
            description = "A maintenance window (planned downtime) rather than a silence")
    private boolean maintenance;

    @Option(name = "--every", multiValued = true, description = "Recurring on these days: mon … sun (repeat for more)")
    private List<String> days;

    @Option(name = "--at", description = "Recurring: local start time, e.g. 02:00")
    private String at;

    @Option(name = "--for", description = "Recurring: minutes each time")
    private Integer minutes;

    @Option(name = "--zone", description = "Recurring: IANA time zone (default UTC)")
    private String zone;

    @Reference
    private NotificationService notifications;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        Recurrence recurrence = days == null || days.isEmpty() ? null : new Recurrence(days, at, minutes, zone);
        SilenceDto silence = notifications.createSilence(
                new NewSilence(
                        maintenance ? "maintenance" : "silence",
                        reason,
                        sites,
                        groups,
                        topics,
                        Validate.instant("start", start),
                        Validate.instant("until", until),
                        duration == null ? null : minutes(duration),
                        recurrence),
                actor);
        session.getConsole()
                .println(silence.kind() + " " + silence.id() + " created" + (silence.activeNow() ? ", active now" : "")
                        + (silence.endsAt() == null ? "" : ", ends " + silence.endsAt()));
        return null;
    }

    /** {@code 90}, {@code 90m}, {@code 2h} or {@code 1d} as minutes. */
    static int minutes(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        int factor = 1;
        if (value.endsWith("m")) {
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("h")) {
            factor = 60;
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("d")) {
            factor = 1440;
            value = value.substring(0, value.length() - 1);
        }
        try {
            long minutes = Long.parseLong(value) * factor;
            if (minutes > 0 && minutes <= 525_600) {
                return (int) minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("duration", "duration must be like 90m, 2h or 1d (at most a year)");
    }
}
