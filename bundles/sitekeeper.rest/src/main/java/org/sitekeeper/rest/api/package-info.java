/** What resource bundles need from the REST platform: registration properties and the acting user. */
@Export
@Version("1.0.0")
package org.sitekeeper.rest.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
