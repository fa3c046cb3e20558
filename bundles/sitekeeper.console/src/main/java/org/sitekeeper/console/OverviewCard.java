package org.sitekeeper.console;

import java.io.PrintWriter;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A capability's card on the console overview page ({@code /system/console/sitekeeper}). Registered as a
 * service; a removed capability's card disappears with it.
 */
@ConsumerType
public interface OverviewCard {

    /** Card heading. */
    String title();

    /** Lower comes first. */
    default int order() {
        return 100;
    }

    /** Writes the card's body (HTML, every stored string escaped). */
    void render(ConsoleUser user, PrintWriter out);
}
