package org.sitekeeper.itests.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** When a test fails, prints the end of every running hub's karaf.log. */
public final class PrintHubLogOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (Hub hub : Hub.running()) {
            System.err.println("[itests] " + context.getDisplayName() + " failed; hub " + hub.name() + " log follows");
            hub.printLogTail(System.err);
        }
    }
}
