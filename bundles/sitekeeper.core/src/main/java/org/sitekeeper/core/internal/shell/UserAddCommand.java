package org.sitekeeper.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.CreatedUser;
import org.sitekeeper.core.api.security.NewUser;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.core.api.security.UserService;

@Service
@Command(
        scope = "user",
        name = "add",
        description = "Creates a staff account. Without --password or --prompt a password is generated and shown once.")
public class UserAddCommand implements Action {

    @Argument(index = 0, name = "username", description = "Letters, digits, '.', '_', '@' or '-'", required = true)
    private String username;

    @Option(name = "--role", aliases = "-r", description = "admin, ops or viewer (default viewer)")
    @org.apache.karaf.shell.api.action.Completion(
            value = StringsCompleter.class,
            values = {"admin", "ops", "viewer"})
    private String role = "viewer";

    @Option(name = "--prompt", aliases = "-p", description = "Ask for the password without showing it")
    private boolean prompt;

    @Option(name = "--password", description = "The password (visible in the shell history: prefer --prompt)")
    private String password;

    @Reference
    private UserService users;

    @Reference
    private Session session;

    @Override
    public Object execute() throws Exception {
        var actor = Subjects.currentShellActor(Role.ADMIN);
        String chosen = prompt ? PasswordInput.prompt(session) : password;
        CreatedUser created = users.create(new NewUser(username, chosen, role), actor);
        session.getConsole()
                .println("Created " + created.user().username() + " ("
                        + created.user().role().wireName() + ")");
        if (created.generatedPassword() != null) {
            session.getConsole().println("Password (shown only now): " + created.generatedPassword());
        }
        return null;
    }
}
