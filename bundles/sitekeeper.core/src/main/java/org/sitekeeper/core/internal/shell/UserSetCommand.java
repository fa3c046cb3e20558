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
import org.sitekeeper.core.api.error.InvalidInputException;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.core.api.security.UserChange;
import org.sitekeeper.core.api.security.UserDto;
import org.sitekeeper.core.api.security.UserService;

@Service
@Command(scope = "user", name = "set", description = "Changes an account's role, or disables or enables it.")
public class UserSetCommand implements Action {

    @Argument(index = 0, name = "username", required = true, description = "The account")
    @Completion(UsernameCompleter.class)
    private String username;

    @Option(name = "--role", aliases = "-r", description = "admin, ops or viewer")
    @Completion(
            value = StringsCompleter.class,
            values = {"admin", "ops", "viewer"})
    private String role;

    @Option(name = "--disable", description = "Lock the account out of REST, console and shell")
    private boolean disable;

    @Option(name = "--enable", description = "Let a disabled account in again")
    private boolean enable;

    @Reference
    private UserService users;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        var actor = Subjects.currentShellActor(Role.ADMIN);
        if (disable && enable) {
            throw new InvalidInputException("disable", "--disable and --enable exclude each other");
        }
        Boolean disabled = disable ? Boolean.TRUE : enable ? Boolean.FALSE : null;
        if (role == null && disabled == null) {
            throw new InvalidInputException("role", "say what to change: --role, --disable or --enable");
        }
        UserDto user = users.change(username, new UserChange(role, null, disabled), actor);
        session.getConsole()
                .println(user.username() + ": " + user.role().wireName() + ", "
                        + (user.disabled() ? "disabled" : "enabled"));
        return null;
    }
}
