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
import org.sitekeeper.core.api.security.ApiTokenDto;
import org.sitekeeper.core.api.security.ApiTokenService;
import org.sitekeeper.core.api.security.Subjects;

@Service
@Command(scope = "token", name = "list", description = "Lists API tokens (never the tokens themselves).")
public class TokenListCommand implements Action {

    @Reference
    private ApiTokenService tokens;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        Subjects.currentShellActor(Role.ADMIN);
        Instant now = Instant.now();
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name");
        table.column("Prefix");
        table.column("Role");
        table.column("State");
        table.column("Last used");
        table.column("Created by");
        for (ApiTokenDto token : tokens.list()) {
            String state = token.revokedAt() != null
                    ? "revoked"
                    : token.activeAt(now)
                            ? (token.expiresAt() == null ? "active" : "until " + Format.instant(token.expiresAt()))
                            : "expired";
            table.addRow()
                    .addContent(
                            token.id(),
                            token.name(),
                            token.prefix(),
                            token.role().wireName(),
                            state,
                            Format.ago(token.lastUsedAt(), now),
                            token.createdBy());
        }
        table.print(session.getConsole());
        return null;
    }
}
