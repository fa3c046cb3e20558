package org.sitekeeper.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the OpenAPI fragments of the active bundles (a bundle's {@code OSGI-INF/sitekeeper/openapi.json}) and
 * the routes the API serves, and assembles the document on request.
 */
final class OpenApi {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApi.class);

    private final OpenApiDocument document;
    private final String version;
    private final Map<Long, JsonNode> fragments = new ConcurrentHashMap<>();
    private final BundleTracker<Long> tracker;
    private volatile List<Route> served = List.of();

    OpenApi(BundleContext context, ObjectMapper json, String version) {
        this.version = version;
        this.document = new OpenApiDocument(read(json, OpenApi.class.getResource("/openapi-base.json")));
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, new Fragments(json));
    }

    void open() {
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    /** The routes the API serves from now on. */
    void served(List<Route> routes) {
        this.served = List.copyOf(routes);
    }

    JsonNode document() {
        return document.assemble(version, fragmentsInOrder(), served);
    }

    private Collection<JsonNode> fragmentsInOrder() {
        return new java.util.TreeMap<>(fragments).values();
    }

    private static JsonNode read(ObjectMapper json, URL url) {
        try (InputStream in = url.openStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private final class Fragments implements BundleTrackerCustomizer<Long> {
        private final ObjectMapper json;

        Fragments(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public Long addingBundle(Bundle bundle, BundleEvent event) {
            URL entry = bundle.getEntry(OpenApiDocument.FRAGMENT);
            if (entry == null) {
                return null;
            }
            try {
                fragments.put(bundle.getBundleId(), read(json, entry));
                return bundle.getBundleId();
            } catch (RuntimeException e) {
                LOG.warn("Ignoring the OpenAPI fragment of {}: {}", bundle.getSymbolicName(), e.getMessage());
                return null;
            }
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
            // a fragment does not change while its bundle is active
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
            fragments.remove(id);
        }
    }
}
