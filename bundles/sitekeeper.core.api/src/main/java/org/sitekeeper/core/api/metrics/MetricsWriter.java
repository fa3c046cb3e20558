package org.sitekeeper.core.api.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes metric families in the Prometheus text exposition format (version 0.0.4): a family's {@code # HELP} and
 * {@code # TYPE} lines, then its samples. Names and label names are checked ({@code [a-zA-Z_:][a-zA-Z0-9_:]*});
 * label values and help texts are escaped. NaN and infinities are written as Prometheus spells them.
 */
@ProviderType
public interface MetricsWriter {

    /**
     * Starts a family.
     *
     * @param type {@code counter}, {@code gauge}, {@code summary}, {@code histogram} or {@code untyped}
     * @throws IllegalArgumentException for a bad name or type, or a family written twice
     */
    MetricsWriter family(String name, String type, String help);

    /**
     * A sample of the current family.
     *
     * @param name the family's name, or for summaries and histograms the family's name with {@code _sum},
     *     {@code _count} or {@code _bucket}
     * @param labels label names and values, alternating ({@code "cms", "woocommerce"}); a summary's quantile is the
     *     label {@code quantile}, a histogram's bound the label {@code le}
     * @throws IllegalArgumentException for a name outside the current family, an odd number of label strings or a
     *     bad label name
     */
    MetricsWriter sample(String name, double value, String... labels);
}
