package org.sitekeeper.telemetry.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.Page;
import org.sitekeeper.core.api.PageRequest;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.core.api.validation.Validate;
import org.sitekeeper.telemetry.api.InstallationDto;
import org.sitekeeper.telemetry.api.InstallationQuery;
import org.sitekeeper.telemetry.api.TelemetryService;

@Service
@Command(
        scope = "telemetry",
        name = "list",
        description =
                "Lists plugin installations: merchant, CMS, version → latest, status, error rate, last heartbeat.",
        detailedDescription = "Examples:\n"
                + "  telemetry:list --status outdated\n"
                + "  telemetry:list --cms woocommerce --query shop.example.com\n"
                + "  telemetry:list --merchant 4f0c… --limit 100 --offset 100")
public class TelemetryListCommand implements Action {

    @Option(name = "--status", aliases = "-s", description = "active, outdated, blocked or error (no heartbeat)")
    @Completion(
            value = StringsCompleter.class,
            values = {"active", "outdated", "blocked", "error"})
    private String status;

    @Option(name = "--cms", aliases = "-c", description = "Only this CMS, e.g. woocommerce")
    @Completion(CmsCompleter.class)
    private String cms;

    @Option(name = "--merchant", aliases = "-m", description = "Only this merchant id")
    private String merchant;

    @Option(name = "--query", aliases = "-q", description = "Merchant, site or version contains this")
    private String query;

    @Option(name = "--limit", aliases = "-n", description = "How many (default 50, at most 500)")
    private String limit;

    @Option(name = "--offset", description = "Skip this many (the footer tells the next offset)")
    private String offset;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        int size = Validate.intInRange("limit", limit, PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        int from = Validate.intInRange("offset", offset, 0, 0, Integer.MAX_VALUE);
        Page<InstallationDto> page = telemetry.list(new InstallationQuery(status, cms, merchant, query, from, size));
        TelemetryTables.installations(page.items(), Instant.now(), session.getConsole());
        session.getConsole()
                .println(TelemetryTables.footer(page.items().size(), page.total(), "installations", page.nextCursor()));
        return null;
    }
}
