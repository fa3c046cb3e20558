package org.sitekeeper.uptime.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.uptime.api.MonitorDto;
import org.sitekeeper.uptime.api.MonitorSpec;
import org.sitekeeper.uptime.api.UptimeService;
import org.sitekeeper.uptime.internal.view.UptimeText;

@Service
@Command(
        scope = "uptime",
        name = "add",
        description = "Adds an uptime monitor; options not given take the defaults of org.sitekeeper.uptime.",
        detailedDescription = "Examples:\n"
                + "  uptime:add https://shop.example.com\n"
                + "  uptime:add --site 42 --keyword 'Add to cart' --interval 60 https://shop.example.com/cart\n"
                + "  uptime:add --type tcp --name 'mail' mail.example.com:587")
public class UptimeAddCommand implements Action {

    @Argument(
            index = 0,
            name = "url",
            required = true,
            description = "http(s)://… for HTTP; tcp://host:port or host:port for TCP")
    private String url;

    @Option(name = "--site", description = "The site it belongs to (default: standalone)")
    @Completion(SiteIdCompleter.class)
    private String site;

    @Option(name = "--name", description = "Display name (default: the host name)")
    private String name;

    @Option(name = "--type", aliases = "-t", description = "http or tcp (default: from the URL)")
    @Completion(TypeCompleter.class)
    private String type;

    @Option(name = "--interval", aliases = "-i", description = "Seconds between checks, 30 to 86400")
    private String interval;

    @Option(name = "--timeout", description = "Seconds one check may take, 1 to 60 and below the interval")
    private String timeout;

    @Option(name = "--keyword", aliases = "-k", description = "Text the page must contain")
    private String keyword;

    @Reference
    private UptimeService uptime;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        MonitorSpec spec = new MonitorSpec(
                name,
                type,
                url,
                UptimeText.id("site", site),
                null,
                null,
                keyword,
                null,
                null,
                null,
                null,
                UptimeText.wholeNumber("timeout", timeout),
                UptimeText.wholeNumber("interval", interval),
                null,
                null,
                null,
                null);
        MonitorDto m = uptime.create(spec, actor);
        session.getConsole()
                .println("Added monitor " + m.id() + ": " + m.url() + " ("
                        + m.type().wireName() + ", every "
                        + m.intervalSeconds() + " s, timeout " + m.timeoutSeconds() + " s, down after "
                        + m.failuresToDown() + " failures"
                        + (m.siteId() == null ? "" : ", site " + m.siteId()) + ")");
        return null;
    }
}
