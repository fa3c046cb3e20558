package org.sitekeeper.notifications.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import org.sitekeeper.notifications.api.NotificationService;

/** Completes channel names. */
@Service
public class ChannelCompleter implements Completer {

    @Reference
    private NotificationService notifications;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        notifications.channels().forEach(c -> names.getStrings().add(c.name()));
        return names.complete(session, commandLine, candidates);
    }
}
