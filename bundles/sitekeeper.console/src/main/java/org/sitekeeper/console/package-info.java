/**
 * The shared look of Sitekeeper's web console pages: {@link ConsolePage} for pages, {@link Html} for escaping,
 * {@link Svg} for small charts, {@link OverviewCard} for contributions to the overview page.
 */
@Export
@Version("1.0.0")
package org.sitekeeper.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
