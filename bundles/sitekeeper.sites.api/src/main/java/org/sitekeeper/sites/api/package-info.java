/** The site registry: the sites Sitekeeper keeps healthy, and the events it posts about them. */
@Export
@Version("1.0.0")
package org.sitekeeper.sites.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
