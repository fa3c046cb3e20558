package org.sitekeeper.core.internal.egress;

import java.lang.annotation.Annotation;

/** {@link EgressPolicyImpl.Config} with chosen values, as Configuration Admin would supply them. */
final class EgressConfig implements EgressPolicyImpl.Config {

    private final String allowedNetworks;
    private final String deniedNetworks;
    private final String allowedSchemes;

    EgressConfig(String allowedNetworks, String deniedNetworks, String allowedSchemes) {
        this.allowedNetworks = allowedNetworks;
        this.deniedNetworks = deniedNetworks;
        this.allowedSchemes = allowedSchemes;
    }

    static EgressConfig defaults() {
        return new EgressConfig("", "", "http,https");
    }

    static EgressConfig allowing(String networks) {
        return new EgressConfig(networks, "", "http,https");
    }

    @Override
    public String allowed__networks() {
        return allowedNetworks;
    }

    @Override
    public String denied__networks() {
        return deniedNetworks;
    }

    @Override
    public String allowed__schemes() {
        return allowedSchemes;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return EgressPolicyImpl.Config.class;
    }
}
