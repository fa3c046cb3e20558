/** Vocabulary shared by every Sitekeeper capability: roles, actors, pages of results and capability health. */
@Export
@Version("1.0.0")
package org.sitekeeper.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
