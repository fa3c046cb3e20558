package org.sitekeeper.core.internal.security;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Replaces Karaf's {@code karaf} realm (higher rank) with the Sitekeeper user store, so REST, the web console
 * and the SSH shell share one set of accounts. Registered only while the user store is up.
 */
@Component(configurationPid = SecurityConfig.PID)
public final class SitekeeperJaasRealm implements JaasRealm {

    /** Above Karaf's own realm (rank 0). */
    static final int RANK = 100;

    private final String name;
    private final AppConfigurationEntry[] entries;

    @Activate
    public SitekeeperJaasRealm(BundleContext context, @Reference CredentialVerifier verifier, SecurityConfig config) {
        this.name = config.realm();
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, SitekeeperLoginModule.class.getName());
        options.put(
                ProxyLoginModule.PROPERTY_BUNDLE,
                Long.toString(context.getBundle().getBundleId()));
        options.put(BundleContext.class.getName(), context);
        this.entries = new AppConfigurationEntry[] {
            new AppConfigurationEntry(
                    ProxyLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)
        };
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
