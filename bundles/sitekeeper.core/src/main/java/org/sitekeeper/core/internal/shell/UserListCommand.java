package org.sitekeeper.core.internal.shell;

import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

import org.sitekeeper.core.api.Format;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.Subjects;
import org.sitekeeper.core.api.security.UserDto;
import org.sitekeeper.core.api.security.UserService;

@Service
@Command(scope = "user", name = "list", description = "Lists the staff accounts.")
public class UserListCommand implements Action {

    @Reference
    private UserService users;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.ADMIN);
        ShellTable table = new ShellTable();
        table.column("User");
        table.column("Role");
        table.column("State");
        table.column("Last log-in");
        table.column("Created");
        Instant now = Instant.now();
        for (UserDto user : users.list()) {
            table.addRow()
                    .addContent(
                            user.username(),
                            user.role().wireName(),
                            user.disabled() ? "disabled" : "enabled",
                            Format.ago(user.lastLoginAt(), now),
                            Format.instant(user.createdAt()));
        }
        table.print(session.getConsole());
        return null;
    }
}
