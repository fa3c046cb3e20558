package org.sitekeeper.telemetry.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.telemetry.api.MerchantKeyDto;
import org.sitekeeper.telemetry.api.TelemetryService;

@Service
@Command(scope = "telemetry", name = "keys", description = "Lists merchant API keys (their first characters only).")
public class TelemetryKeysCommand implements Action {

    @Option(name = "--merchant", aliases = "-m", description = "Only this merchant id")
    private String merchant;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.VIEWER);
        List<MerchantKeyDto> keys = telemetry.keys(merchant);
        if (keys.isEmpty()) {
            session.getConsole().println("No merchant keys; issue one with telemetry:key-create.");
            return null;
        }
        TelemetryTables.keys(keys, session.getConsole());
        return null;
    }
}
