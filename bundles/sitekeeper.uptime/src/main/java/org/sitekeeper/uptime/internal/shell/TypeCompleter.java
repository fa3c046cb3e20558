package org.sitekeeper.uptime.internal.shell;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** Completes monitor types. */
@Service
public class TypeCompleter extends StringsCompleter {

    public TypeCompleter() {
        super(new String[] {"http", "tcp"});
    }
}
