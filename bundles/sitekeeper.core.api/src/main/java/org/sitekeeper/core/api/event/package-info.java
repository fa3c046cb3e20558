/** The EventAdmin contract between capabilities: topics and standard properties. */
@Export
@Version("1.0.0")
package org.sitekeeper.core.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
