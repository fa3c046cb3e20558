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

    /**
     * The samples of a summary (in the current family, of type {@code summary}) from {@code window}: one per
     * quantile with the label {@code quantile}, then {@code _sum} and {@code _count}, each with {@code labels}
     * first.
     */
    default MetricsWriter summary(String name, LatencyWindow window, double[] quantiles, String... labels) {
        double[] values = window.quantilesSeconds(quantiles);
        String[] withQuantile = java.util.Arrays.copyOf(labels, labels.length + 2);
        withQuantile[labels.length] = "quantile";
        for (int i = 0; i < quantiles.length; i++) {
            withQuantile[labels.length + 1] = Double.toString(quantiles[i]);
            sample(name, values[i], withQuantile);
        }
        sample(name + "_sum", window.sumSeconds(), labels);
        return sample(name + "_count", window.count(), labels);
    }
}
