package org.sitekeeper.telemetry.internal.shell;

import java.util.List;

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
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.telemetry.api.TelemetryService;
import org.sitekeeper.telemetry.api.UpgradeNoticeDto;

@Service
@Command(
        scope = "telemetry",
        name = "notify",
        description = "Tells an installation's merchant to upgrade; without --channel, the upgrade's kind decides"
                + " (patch in-app, minor/major email + in-app, security email + SMS).")
public class TelemetryNotifyCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The installation's id (telemetry:list)")
    @Completion(InstallationIdCompleter.class)
    private String id;

    @Option(name = "--channel", aliases = "-c", description = "email, in-app, webhook, sms or slack")
    @Completion(
            value = StringsCompleter.class,
            values = {"email", "in-app", "webhook", "sms", "slack"})
    private String channel;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        List<UpgradeNoticeDto> sent = telemetry.notifyUpgrade(id.strip(), channel, actor);
        session.getConsole().println(TelemetryTables.notified(sent));
        return null;
    }
}
