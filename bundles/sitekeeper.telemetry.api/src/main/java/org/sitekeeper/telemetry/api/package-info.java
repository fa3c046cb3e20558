/**
 * Plugin telemetry (seed 002) and WordPress connection tracking (seed 001): installations reporting by heartbeat,
 * their events, the version registry, ops toggles, upgrade notices, merchant API keys and bot tokens.
 */
@Export
@Version("1.0.0")
package org.sitekeeper.telemetry.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
