package org.sitekeeper.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.security.ApiTokenDto;
import org.sitekeeper.core.api.security.ApiTokenService;
import org.sitekeeper.core.api.security.Subjects;

@Service
@Command(scope = "token", name = "revoke", description = "Revokes an API token at once.")
public class TokenRevokeCommand implements Action {

    @Argument(index = 0, name = "id", required = true, description = "The token's id (token:list)")
    private long id;

    @Reference
    private ApiTokenService tokens;

    @Reference
    private Session session;

    @Override
    public Object execute() {
        ApiTokenDto token = tokens.revoke(id, Subjects.currentShellActor(Role.ADMIN));
        session.getConsole().println("Revoked token " + token.id() + " (" + token.name() + ")");
        return null;
    }
}
