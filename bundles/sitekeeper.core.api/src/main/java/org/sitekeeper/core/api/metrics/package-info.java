/**
 * The hub's Prometheus endpoint ({@code GET /metrics}): capabilities register {@link MetricsSource}s and the REST
 * platform writes them, with its own request counts and latencies, in the text exposition format.
 */
@Export
@Version("1.1.0")
package org.sitekeeper.core.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
