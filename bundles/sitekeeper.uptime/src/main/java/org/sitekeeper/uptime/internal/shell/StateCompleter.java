package org.sitekeeper.uptime.internal.shell;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes monitor states. */
@Service
public class StateCompleter extends StringsCompleter {

    public StateCompleter() {
        super(new String[] {"up", "down", "unknown", "paused"});
    }
}
