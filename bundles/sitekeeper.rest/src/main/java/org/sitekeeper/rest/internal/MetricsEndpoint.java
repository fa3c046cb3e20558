package org.sitekeeper.rest.internal;

import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.Servlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.metrics.MetricsSource;
import org.sitekeeper.core.api.security.StaffAuthenticator;
import org.sitekeeper.rest.internal.metrics.HttpMetrics;
import org.sitekeeper.rest.internal.metrics.MetricsCollector;

/**
 * {@code /metrics} on the HTTP whiteboard: tracks every {@link MetricsSource} service and serves the scrape
 * through {@link MetricsServlet}. Sources are written in service ranking order (then oldest first), each under
 * its component name.
 */
final class MetricsEndpoint {

    static final String PATH = "/metrics";

    private record Tracked(ServiceReference<MetricsSource> reference, MetricsCollector.Named named) {}

    private final BundleContext context;
    private final Map<Long, Tracked> sources = new ConcurrentHashMap<>();
    private final ServiceTracker<MetricsSource, MetricsSource> tracker;
    private final MetricsServlet servlet;
    private ServiceRegistration<Servlet> registration;

    MetricsEndpoint(
            BundleContext context,
            HttpMetrics http,
            StaffAuthenticator authenticator,
            ObjectMapper json,
            boolean open) {
        this.context = context;
        MetricsCollector collector = new MetricsCollector(http, this::sourcesInOrder);
        this.servlet = new MetricsServlet(authenticator, json, collector::scrape, open, Role.VIEWER);
        this.tracker = new ServiceTracker<>(context, MetricsSource.class, new Sources());
    }

    /** Whether {@code /metrics} answers without credentials, from the next scrape on. */
    void open(boolean open) {
        servlet.open(open);
    }

    void open() {
        tracker.open();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, PATH);
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "sitekeeper-metrics");
        registration = context.registerService(Servlet.class, servlet, props);
    }

    void close() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        tracker.close();
    }

    private List<MetricsCollector.Named> sourcesInOrder() {
        return sources.values().stream()
                .sorted(Comparator.comparing(Tracked::reference, Comparator.reverseOrder()))
                .map(Tracked::named)
                .toList();
    }

    /** The component's name, else the class name. */
    static String name(ServiceReference<?> reference, Object source) {
        Object component = reference.getProperty("component.name");
        return component == null ? source.getClass().getName() : component.toString();
    }

    private static Long id(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    private final class Sources implements ServiceTrackerCustomizer<MetricsSource, MetricsSource> {
        @Override
        public MetricsSource addingService(ServiceReference<MetricsSource> reference) {
            MetricsSource source = context.getService(reference);
            if (source != null) {
                sources.put(
                        id(reference),
                        new Tracked(reference, new MetricsCollector.Named(name(reference, source), source)));
            }
            return source;
        }

        @Override
        public void modifiedService(ServiceReference<MetricsSource> reference, MetricsSource source) {
            // the ranking is read at every scrape
        }

        @Override
        public void removedService(ServiceReference<MetricsSource> reference, MetricsSource source) {
            sources.remove(id(reference));
            context.ungetService(reference);
        }
    }
}
