/** Health of the hub and of each installed capability. */
@Export
@Version("1.0.0")
package org.sitekeeper.core.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
