package org.sitekeeper.core.internal.rest;

import org.osgi.framework.Version;

/** The product version people read: {@code 0.1.0} from bundle version {@code 0.1.0.202611220324}. */
public final class HubVersion {

    private HubVersion() {}

    public static String of(Version version) {
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }
}
