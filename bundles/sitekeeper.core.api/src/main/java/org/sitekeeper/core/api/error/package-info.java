/** Domain errors that every face (REST, shell, console) turns into a clear message for its user. */
@Export
@Version("1.1.0")
package org.sitekeeper.core.api.error;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
