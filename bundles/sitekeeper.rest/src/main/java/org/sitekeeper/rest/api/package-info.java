/**
 * What resource bundles need from the REST platform: registration properties, the acting user and the Prometheus
 * text format.
 */
@Export
@Version("1.1.0")
package org.sitekeeper.rest.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
