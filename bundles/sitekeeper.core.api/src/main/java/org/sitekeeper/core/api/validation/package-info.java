/** Input validation helpers that fail with an error naming the field at fault. */
@Export
@Version("1.0.0")
package org.sitekeeper.core.api.validation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
