/** The one policy every outbound call goes through, and the HTTP client that enforces it. */
@Export
@Version("1.0.0")
package org.sitekeeper.core.api.egress;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
