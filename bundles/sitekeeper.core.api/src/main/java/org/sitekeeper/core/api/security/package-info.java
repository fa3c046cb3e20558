/** Staff authentication, users and API tokens, secrets at rest, key hashing and timing-safe comparison. */
@Export
@Version("1.0.0")
package org.sitekeeper.core.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
