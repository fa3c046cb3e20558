/** The audit log of state-changing actions by staff and automation. */
@Export
@Version("1.0.0")
package org.sitekeeper.core.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
