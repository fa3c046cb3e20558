/**
 * Pieces for bundles that run a Jetty HTTP client of their own (uptime checks need their own pool and TLS
 * handling) and must still go through the hub's egress policy.
 */
@Export
@Version("1.0.0")
package org.sitekeeper.core.jetty;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
