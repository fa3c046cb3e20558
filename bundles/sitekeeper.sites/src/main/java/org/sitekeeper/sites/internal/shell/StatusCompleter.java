package org.sitekeeper.sites.internal.shell;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes site statuses. */
@Service
public class StatusCompleter extends StringsCompleter {

    public StatusCompleter() {
        super(new String[] {"pending", "active", "disconnected", "error"});
    }
}
