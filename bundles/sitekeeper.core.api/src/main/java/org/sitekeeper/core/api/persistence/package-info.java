/** Persistence support for capability bundles: schema migrations, transactions and cursors. */
@Export
@Version("1.2.0")
package org.sitekeeper.core.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
