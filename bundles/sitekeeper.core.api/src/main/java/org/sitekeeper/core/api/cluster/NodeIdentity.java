package org.sitekeeper.core.api.cluster;

/**
 * The name of this hub node: the same across restarts of the node, different from every other node on the same
 * database. Leases and claims carry it, so a restarted node can give back what it held before it died, without
 * waiting for the leases to run out.
 */
public interface NodeIdentity {

    /** At most 64 characters of {@code [A-Za-z0-9@._-]}. */
    String id();
}
