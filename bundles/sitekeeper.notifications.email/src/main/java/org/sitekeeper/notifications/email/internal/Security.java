package org.sitekeeper.notifications.email.internal;

import java.util.Locale;

/** How the connection to the SMTP server is protected, with the port that is usual for it. */
enum Security {
    /** Plain SMTP: only for relays inside a trusted network. */
    NONE(25),
    /** Plain connection upgraded with STARTTLS before anything is sent; refused if the server does not offer it. */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS, "implicit TLS"). */
    TLS(465);

    final int defaultPort;

    Security(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The name used in the settings. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
