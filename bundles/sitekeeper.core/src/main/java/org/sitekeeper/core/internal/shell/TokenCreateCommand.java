package org.sitekeeper.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.ApiTokenService;
import org.sitekeeper.core.api.security.IssuedApiToken;
import org.sitekeeper.core.api.security.NewApiToken;
import org.sitekeeper.core.api.security.Subjects;

@Service
@Command(scope = "token", name = "create", description = "Issues an API token for automation; it is shown only once.")
public class TokenCreateCommand implements Action {

    @Argument(index = 0, name = "name", required = true, description = "What the token is for")
    private String name;

    @Option(name = "--role", aliases = "-r", description = "admin, ops or viewer (default viewer)")
    @Completion(
            value = StringsCompleter.class,
            values = {"admin", "ops", "viewer"})
    private String role = "viewer";

    @Option(name = "--expires-in-days", description = "Days until it stops working (default: never)")
    private Integer expiresInDays;

    @Reference
    private ApiTokenService tokens;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        IssuedApiToken issued =
                tokens.issue(new NewApiToken(name, role, expiresInDays), Subjects.currentShellActor(Role.ADMIN));
        session.getConsole()
                .println("Token " + issued.details().id() + " ("
                        + issued.details().role().wireName() + ") — shown only now:");
        session.getConsole().println(issued.token());
        return null;
    }
}
