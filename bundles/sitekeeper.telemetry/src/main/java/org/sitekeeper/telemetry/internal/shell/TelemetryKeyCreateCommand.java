package org.sitekeeper.telemetry.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Actor;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.telemetry.api.IssuedMerchantKey;
import org.sitekeeper.telemetry.api.NewMerchantKey;
import org.sitekeeper.telemetry.api.TelemetryService;

@Service
@Command(
        scope = "telemetry",
        name = "key-create",
        description = "Issues a merchant API key for the plugin's heartbeats and events; it is shown only once.",
        detailedDescription = "Example:\n"
                + "  telemetry:key-create --phone +221771234567 4f0c2d1e-… 'Boutique Dakar' shop@example.com")
public class TelemetryKeyCreateCommand implements Action {

    @Argument(
            index = 0,
            name = "merchant-id",
            required = true,
            description = "The merchant's id (as the plugin sends it)")
    private String merchantId;

    @Argument(index = 1, name = "merchant-name", required = true, description = "The merchant's name")
    private String merchantName;

    @Argument(index = 2, name = "merchant-email", required = true, description = "Where email upgrade notices go")
    private String merchantEmail;

    @Option(name = "--phone", aliases = "-p", description = "Where SMS upgrade notices go (E.164, e.g. +221771234567)")
    private String phone;

    @Reference
    private TelemetryService telemetry;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Actor actor = Subjects.currentShellActor(Role.OPS);
        IssuedMerchantKey issued =
                telemetry.createKey(new NewMerchantKey(merchantId, merchantName, merchantEmail, phone), actor);
        session.getConsole()
                .println("Key " + issued.details().id() + " for merchant "
                        + issued.details().merchantId() + " ("
                        + issued.details().merchantName() + ") — shown only now:");
        session.getConsole().println(issued.key());
        return null;
    }
}
