package org.sitekeeper.rest.api;

import org.sitekeeper.core.api.metrics.MetricsWriter;
import org.sitekeeper.rest.internal.metrics.PrometheusTextWriter;

/**
 * The Prometheus text format (0.0.4) for a resource that serves metrics of its own besides {@code GET /metrics}:
 * the same writer the hub's endpoint uses, over any {@link Appendable} (a response's {@link java.io.Writer}).
 *
 * <pre>{@code
 * @GET
 * @Path("metrics")
 * @Produces(MetricsText.CONTENT_TYPE)
 * public StreamingOutput metrics() {
 *     return output -> {
 *         Writer text = new OutputStreamWriter(output, StandardCharsets.UTF_8);
 *         families.collect(MetricsText.writer(text));
 *         text.flush();
 *     };
 * }
 * }</pre>
 */
public final class MetricsText {

    /** The content type of the text format. */
    public static final String CONTENT_TYPE = PrometheusTextWriter.CONTENT_TYPE;

    private MetricsText() {}

    /**
     * A writer appending to {@code out}; {@link java.io.IOException}s of {@code out} come out as
     * {@link java.io.UncheckedIOException}. Not thread-safe.
     */
    public static MetricsWriter writer(Appendable out) {
        return new PrometheusTextWriter(out);
    }
}
