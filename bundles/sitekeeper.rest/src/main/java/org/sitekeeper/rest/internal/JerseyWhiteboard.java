package org.sitekeeper.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.servlet.Servlet;
import javax.servlet.ServletException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.security.StaffAuthenticator;
import org.sitekeeper.rest.internal.metrics.HttpMetrics;

/**
 * A small JAX-RS whiteboard on Jersey: every service registered with {@code osgi.jaxrs.resource=true} or
 * {@code osgi.jaxrs.extension=true} is served under {@code /api} while it is registered. Each change rebuilds
 * the application and reloads the one servlet, so routes appear and vanish with their bundles without a
 * restart. A resource that breaks the application (say, a duplicate path) is left out and logged; the rest
 * keep serving. It also serves the Prometheus endpoint {@code /metrics} with the API's request metrics and every
 * {@code MetricsSource}'s families.
 */
@Component(immediate = true, configurationPid = "org.sitekeeper.rest")
@Designate(ocd = JerseyWhiteboard.Config.class)
public final class JerseyWhiteboard {

    @ObjectClassDefinition(name = "Sitekeeper REST", description = "The REST platform under /api.")
    public @interface Config {
        @AttributeDefinition(
                name = "Largest request body (bytes)",
                description = "Bigger bodies are refused with 413 before they are read.")
        long max__body__bytes() default 1024 * 1024;

        @AttributeDefinition(
                name = "Public /metrics",
                description = "Serve the Prometheus endpoint GET /metrics without credentials. Off: it needs a"
                        + " staff login or API token holding the viewer role.")
        boolean metrics__public() default false;
    }

    static final String FILTER = "(|(osgi.jaxrs.resource=true)(osgi.jaxrs.extension=true))";
    private static final Logger LOG = LoggerFactory.getLogger(JerseyWhiteboard.class);

    private final BundleContext context;
    private final StaffAuthenticator authenticator;
    private final AuditLog audit;
    private final ObjectMapper mapper = JsonMappers.create();
    private final Map<ServiceReference<Object>, Object> services =
            new ConcurrentSkipListMap<>(Comparator.reverseOrder()); // highest ranking first
    private final OpenApi openApi;
    private final ApiServlet servlet;
    private final ServiceRegistration<Servlet> registration;
    private final ServiceTracker<Object, Object> tracker;
    private final MetricsEndpoint metrics;

    @Activate
    public JerseyWhiteboard(
            BundleContext context,
            @Reference StaffAuthenticator authenticator,
            @Reference AuditLog audit,
            Config config)
            throws InvalidSyntaxException {
        this.context = context;
        this.authenticator = authenticator;
        this.audit = audit;
        org.osgi.framework.Version version = context.getBundle().getVersion();
        this.openApi = new OpenApi(
                context, new ObjectMapper(), version.getMajor() + "." + version.getMinor() + "." + version.getMicro());
        openApi.open();
        HttpMetrics requests = new HttpMetrics();
        this.servlet = new ApiServlet(this::application, config.max__body__bytes(), requests);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/api/*");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "sitekeeper-api");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED, Boolean.TRUE);
        this.registration = context.registerService(Servlet.class, servlet, props);
        this.tracker = new ServiceTracker<>(context, context.createFilter(FILTER), new Customizer());
        tracker.open(true);
        this.metrics = new MetricsEndpoint(context, requests, authenticator, mapper, config.metrics__public());
        metrics.open();
    }

    /** A change of the body limit or of {@code metrics_public} applies at once, without rebuilding the API. */
    @Modified
    void modified(Config config) {
        servlet.maxBodyBytes(config.max__body__bytes());
        metrics.open(config.metrics__public());
    }

    @Deactivate
    void deactivate() {
        metrics.close();
        tracker.close();
        registration.unregister();
        openApi.close();
    }

    private ResourceConfig application() {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("sitekeeper");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true);
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(new ObjectMapperResolver(mapper));
        config.register(new ApiExceptionMapper());
        config.register(new AccessFeature(authenticator, audit));
        OpenApiResource description = new OpenApiResource(openApi);
        config.register(description);
        List<Route> routes = new ArrayList<>(Route.of(description));
        for (Object service : services.values()) {
            config.register(service);
            routes.addAll(Route.of(service));
        }
        openApi.served(routes);
        return config;
    }

    private synchronized void changed(String what) {
        try {
            servlet.reload();
            LOG.debug("REST application rebuilt: {}", what);
        } catch (ServletException | RuntimeException e) {
            LOG.error("REST application could not be rebuilt after {}: {}", what, e.getMessage(), e);
            throw new IllegalStateException(e);
        }
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, Object> {
        @Override
        public Object addingService(ServiceReference<Object> reference) {
            Object service = context.getService(reference);
            if (service == null) {
                return null;
            }
            services.put(reference, service);
            try {
                changed("added " + service.getClass().getName());
                return service;
            } catch (IllegalStateException e) {
                services.remove(reference);
                context.ungetService(reference);
                LOG.error(
                        "{} is not served: it does not fit the REST application",
                        service.getClass().getName());
                changed("left out " + service.getClass().getName());
                return null;
            }
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Object service) {
            // properties other than the marker do not matter
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Object service) {
            services.remove(reference);
            context.ungetService(reference);
            changed("removed " + service.getClass().getName());
        }
    }
}
