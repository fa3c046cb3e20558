package org.sitekeeper.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * One HTTP method on one path as the API serves it, e.g. {@code GET /v1/sites/{id}} (paths relative to
 * {@code /api}, templates without their regular expressions).
 */
record Route(String method, String path) implements Comparable<Route> {

    private static final Pattern TEMPLATE_REGEX = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*:[^}]*}");

    /** The routes a JAX-RS resource object serves, read from Jersey's own resource model. */
    static List<Route> of(Object resource) {
        List<Route> routes = new ArrayList<>();
        Resource model = Resource.from(resource.getClass());
        if (model != null) {
            collect(model, "", routes);
        }
        return routes;
    }

    private static void collect(Resource resource, String parent, List<Route> routes) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(new Route(method.getHttpMethod().toUpperCase(Locale.ROOT), path));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    static String join(String parent, String path) {
        String part = path == null ? "" : TEMPLATE_REGEX.matcher(path).replaceAll("{$1}");
        String joined = (parent + "/" + part).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    @Override
    public int compareTo(Route other) {
        int byPath = path.compareTo(other.path);
        return byPath != 0 ? byPath : method.compareTo(other.method);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
