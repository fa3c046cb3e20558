package org.sitekeeper.rest.api;

/**
 * Service properties that put a component on the REST platform. A DS component carrying {@link #RESOURCE} is
 * served under {@code /api} while it is registered (its {@code @Path} starts with {@code v1/…}); one carrying
 * {@link #EXTENSION} is registered as a JAX-RS provider (filter, mapper, feature).
 *
 * <pre>{@code
 * @Component(service = SitesResource.class, property = JaxRs.RESOURCE)
 * @Path("v1/sites")
 * public final class SitesResource { ... }
 * }</pre>
 */
public final class JaxRs {

    public static final String RESOURCE = "osgi.jaxrs.resource=true";
    public static final String EXTENSION = "osgi.jaxrs.extension=true";

    private JaxRs() {}
}
