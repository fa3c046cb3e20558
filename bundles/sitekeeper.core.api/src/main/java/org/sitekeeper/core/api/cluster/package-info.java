/** Who this hub node is among the nodes sharing one database. */
@Export
@Version("1.0.0")
package org.sitekeeper.core.api.cluster;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
