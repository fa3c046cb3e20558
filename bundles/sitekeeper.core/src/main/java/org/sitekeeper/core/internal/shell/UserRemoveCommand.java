package org.sitekeeper.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.core.api.security.UserService;

@Service
@Command(scope = "user", name = "remove", description = "Deletes a staff account.")
public class UserRemoveCommand implements Action {

    @Argument(index = 0, name = "username", required = true, description = "The account")
    @Completion(UsernameCompleter.class)
    private String username;

    @Reference
    private UserService users;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        users.delete(username, Subjects.currentShellActor(Role.ADMIN));
        session.getConsole().println("Removed " + username);
        return null;
    }
}
