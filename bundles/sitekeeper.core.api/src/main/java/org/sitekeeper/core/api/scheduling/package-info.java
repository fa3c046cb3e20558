/** Quartz-backed scheduling of a few coarse jobs per capability. */
@Export
@Version("1.0.0")
package org.sitekeeper.core.api.scheduling;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
