package org.sitekeeper.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

import org.sitekeeper.rest.api.RestActors;
import org.sitekeeper.rest.internal.metrics.HttpMetrics;

/**
 * The one servlet under {@code /api}: the body limit in front of a Jersey container. Pax Web initialises
 * whiteboard servlets lazily and re-initialises them whenever the shared HTTP context restarts, and a Jersey
 * container can neither be initialised twice nor be reloaded under traffic without failing requests that
 * enter the application being shut down. So every change builds a fresh container, swaps it in under a
 * write lock (requests hold the read lock while they run) and destroys the old one once no request uses it.
 * Every request is counted in the {@link HttpMetrics} (method, status, duration, in flight).
 */
final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<ResourceConfig> application;
    private volatile long maxBodyBytes;
    private final transient HttpMetrics metrics;
    private final transient ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private transient ServletContainer jersey; // guarded by lock
    private transient ServletConfig servletConfig; // guarded by this

    ApiServlet(Supplier<ResourceConfig> application, long maxBodyBytes, HttpMetrics metrics) {
        this.application = application;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
    }

    @Override
    public synchronized void init(ServletConfig config) throws ServletException {
        super.init(config);
        servletConfig = config;
        swap(build());
    }

    @Override
    public synchronized void destroy() {
        servletConfig = null;
        swap(null);
    }

    /** Serves the current application from now on (no-op until the servlet is first initialised). */
    synchronized void reload() throws ServletException {
        if (servletConfig != null) {
            swap(build());
        }
    }

    private ServletContainer build() throws ServletException {
        ServletContainer container = new ServletContainer(application.get());
        ServletConfig config = servletConfig;
        withBundleLoader(() -> container.init(config));
        return container;
    }

    private void swap(ServletContainer next) {
        ServletContainer old;
        lock.writeLock().lock(); // waits for requests in the old container to finish
        try {
            old = jersey;
            jersey = next;
        } finally {
            lock.writeLock().unlock();
        }
        if (old != null) {
            old.destroy();
        }
    }

    /** Serves the request and counts it in the request metrics once it is answered. */
    /** A new body limit, for the requests that start from now on. */
    void maxBodyBytes(long limit) {
        this.maxBodyBytes = limit;
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse out = (HttpServletResponse) response;
        long started = metrics.started();
        boolean failed = true;
        try {
            serve(http, out);
            failed = false;
        } finally {
            // an exception the container turns into a 500, unless the answer had begun already
            metrics.finished(http.getMethod(), failed && !out.isCommitted() ? 500 : out.getStatus(), started);
        }
    }

    private void serve(HttpServletRequest http, HttpServletResponse out) throws ServletException, IOException {
        long maxBodyBytes = this.maxBodyBytes;
        if (http.getContentLengthLong() > maxBodyBytes) {
            out.setHeader("Connection", "close");
            error(out, 413, "payload_too_large", "request body is larger than " + maxBodyBytes + " bytes");
            return;
        }
        http.setAttribute(RestActors.CLIENT_ADDRESS, http.getRemoteAddr());
        lock.readLock().lock();
        try {
            if (jersey == null) {
                error(out, 503, "unavailable", "the REST API is starting or stopping; try again shortly");
                return;
            }
            jersey.service(new LimitedRequest(http, maxBodyBytes), out);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static void error(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        byte[] body = ("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private interface ServletWork {
        void run() throws ServletException;
    }

    private static void withBundleLoader(ServletWork work) throws ServletException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ApiServlet.class.getClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
