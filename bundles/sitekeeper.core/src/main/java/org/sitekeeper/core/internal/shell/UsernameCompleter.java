package org.sitekeeper.core.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.core.api.security.UserDto;
import org.sitekeeper.core.api.security.UserService;

/** Completes user names. */
@Service
public class UsernameCompleter implements Completer {

    @Reference
    private UserService users;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        users.list().stream().map(UserDto::username).forEach(names.getStrings()::add);
        return names.complete(session, commandLine, candidates);
    }
}
