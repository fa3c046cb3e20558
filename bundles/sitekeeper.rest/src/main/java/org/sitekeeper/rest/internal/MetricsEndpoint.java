package org.sitekeeper.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javax.servlet.Servlet;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;

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

    private final BundleContext context;
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
        this.tracker = new ServiceTracker<>(context, MetricsSource.class, null);
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

    /** Highest service ranking first, then the oldest: {@link ServiceReference}'s own order, reversed. */
    private List<MetricsCollector.Named> sourcesInOrder() {
        SortedMap<ServiceReference<MetricsSource>, MetricsSource> tracked = tracker.getTracked();
        List<MetricsCollector.Named> named = new ArrayList<>(tracked.size());
        tracked.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.reverseOrder()))
                .forEach(e -> named.add(new MetricsCollector.Named(name(e.getKey(), e.getValue()), e.getValue())));
        return named;
    }

    /** The component's name, else the class name. */
    static String name(ServiceReference<?> reference, Object source) {
        Object component = reference.getProperty("component.name");
        return component == null ? source.getClass().getName() : component.toString();
    }
}
