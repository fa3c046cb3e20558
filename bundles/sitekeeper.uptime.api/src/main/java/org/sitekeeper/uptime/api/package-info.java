/** Uptime monitoring: monitors, their verdicts, incidents, uptime history and events. */
@Export
@Version("1.0.0")
package org.sitekeeper.uptime.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
