package org.sitekeeper.telemetry.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.telemetry.api.TelemetryService;
import org.sitekeeper.telemetry.api.ToggleChange;
import org.sitekeeper.telemetry.api.ToggleDto;

@Service
@Command(
        scope = "telemetry",
        name = "toggle",
        description = "Sets an ops toggle of an installation; the plugin gets it with its next heartbeat.",
        detailedDescription = "Options come before the arguments (Karaf's parser takes what follows an argument"
                + " as further arguments). Examples:\n"
                + "  telemetry:toggle --reason 'Leaking errors' <id> block_plugin on\n"
                + "  telemetry:toggle --expires-at 2026-02-01T00:00:00Z <id> enable_debug on\n"
                + "  telemetry:toggle --rate 10 <id> rate_limit on\n"
                + "  telemetry:toggle <id> block_plugin off")
public class TelemetryToggleCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The installation's id (telemetry:list)")
    @Completion(InstallationIdCompleter.class)
    private String id;

    @Argument(
            index = 1,
            name = "toggle",
            required = true,
            description = "block_plugin, force_update, enable_debug or rate_limit")
    @Completion(
            value = StringsCompleter.class,
            values = {"block_plugin", "force_update", "enable_debug", "rate_limit"})
    private String toggle;

    @Argument(index = 2, name = "value", required = true, description = "on or off")
    @Completion(
            value = StringsCompleter.class,
            values = {"on", "off"})
    private String value;

    @Option(name = "--reason", aliases = "-r", description = "Why (kept with the toggle and in the audit log)")
    private String reason;

    @Option(name = "--expires-at", description = "When it stops applying, ISO-8601 (default: never)")
    private String expiresAt;

    @Option(name = "--rate", description = "Heartbeats and events a minute, for rate_limit (default: the hub's rate)")
    private Integer rate;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        ToggleDto t = telemetry.setToggle(
                id.strip(),
                new ToggleChange(toggle, TelemetryTables.onOff("value", value), reason, expiresAt, null, rate),
                actor);
        session.getConsole()
                .println("Set " + t.toggleKey() + " to " + TelemetryTables.onOff(t.toggleValue()) + " for installation "
                        + t.pluginId() + (t.ratePerMinute() == null ? "" : " (" + t.ratePerMinute() + "/min)")
                        + (t.expiresAt() == null ? "" : " until " + Format.instant(t.expiresAt()))
                        + (t.active() ? "" : " — not in force: its expiry has passed"));
        return null;
    }
}
