package org.sitekeeper.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Secrets;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.core.api.security.UserChange;
import org.sitekeeper.core.api.security.UserService;

@Service
@Command(
        scope = "user",
        name = "passwd",
        description =
                "Sets an account's password. Without --password or --prompt a new one is generated and shown once.")
public class UserPasswdCommand implements Action {

    @Argument(index = 0, name = "username", required = true, description = "The account")
    @Completion(UsernameCompleter.class)
    private String username;

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
        boolean generate = !prompt && password == null;
        String chosen = prompt ? PasswordInput.prompt(session) : generate ? Secrets.randomPassword(20) : password;
        users.change(username, new UserChange(null, chosen, null), actor);
        session.getConsole().println("Password of " + username + " changed.");
        if (generate) {
            session.getConsole().println("New password (shown only now): " + chosen);
        }
        return null;
    }
}
