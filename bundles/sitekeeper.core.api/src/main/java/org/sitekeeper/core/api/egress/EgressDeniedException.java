package org.sitekeeper.core.api.egress;

import java.io.IOException;

/** An outbound connection the egress policy refuses. */
public class EgressDeniedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final String reason;

    public EgressDeniedException(String target, String reason) {
        super("outbound connection to " + target + " refused by the egress policy: " + reason);
        this.target = target;
        this.reason = reason;
    }

    /** The host, address or URL refused. */
    public String target() {
        return target;
    }

    /** Why, e.g. {@code loopback}, {@code private network}, {@code scheme ftp not allowed}. */
    public String reason() {
        return reason;
    }
}
