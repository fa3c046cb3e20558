package org.sitekeeper.console.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.felix.webconsole.WebConsoleSecurityProvider;
import org.apache.felix.webconsole.WebConsoleSecurityProvider2;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.console.ConsolePage;
import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.error.AuthenticationException;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.error.RateLimitedException;
import org.sitekeeper.core.api.security.HttpCredentials;
import org.sitekeeper.core.api.security.StaffAuthenticator;
import org.sitekeeper.core.api.security.StaffPrincipal;

/**
 * Console log-in through the same JAAS realm as REST and the shell, for every staff role. Admins get the
 * whole Felix console; ops and viewers get the Sitekeeper pages only (the rest of the console manages the
 * platform itself). Ranked above Karaf's provider, and named in {@code felix.webconsole.security.providers}
 * so the console stays closed while this provider is missing instead of falling back to a default account.
 */
@Component(
        service = WebConsoleSecurityProvider.class,
        property = {"service.ranking:Integer=100", "webconsole.security.provider.id=sitekeeper"})
public final class SitekeeperSecurityProvider implements WebConsoleSecurityProvider2 {

    private static final Logger LOG = LoggerFactory.getLogger(SitekeeperSecurityProvider.class);
    static final String LABEL = "felix.webconsole.label";
    static final String CATEGORY = "felix.webconsole.category";
    private static final Set<String> ALWAYS_OPEN = Set.of("", "res", "sitekeeper");
    /** The console root, {@code manager.root} in etc/org.apache.felix.webconsole.internal.servlet.KarafOsgiManager.cfg. */
    static final String CONSOLE_ROOT = "/system/console";

    private final StaffAuthenticator authenticator;
    private final Map<Object, String> sitekeeperLabels = new ConcurrentHashMap<>();

    @Activate
    public SitekeeperSecurityProvider(@Reference StaffAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Reference(
            service = Servlet.class,
            target = "(&(felix.webconsole.label=*)(felix.webconsole.category=" + ConsolePage.CATEGORY + "))",
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void bindPage(Servlet page, Map<String, Object> properties) {
        sitekeeperLabels.put(page, String.valueOf(properties.get(LABEL)));
    }

    void unbindPage(Servlet page) {
        sitekeeperLabels.remove(page);
    }

    @Override
    public boolean authenticate(HttpServletRequest request, HttpServletResponse response) {
        try {
            Optional<HttpCredentials> credentials = HttpCredentials.parse(request.getHeader("Authorization"));
            if (credentials.isEmpty() || !(credentials.get() instanceof HttpCredentials.Basic basic)) {
                return challenge(response);
            }
            StaffPrincipal principal =
                    authenticator.authenticate(basic.username(), basic.password(), request.getRemoteAddr());
            String label = label(request);
            if (!principal.has(Role.ADMIN) && !mayOpen(label)) {
                return refuse(response, 403, "The console page '" + label + "' needs the admin role.", 0);
            }
            request.setAttribute(USER_ATTRIBUTE, principal);
            request.setAttribute("org.osgi.service.http.authentication.remote.user", principal.name());
            request.setAttribute("org.osgi.service.http.authentication.type", HttpServletRequest.BASIC_AUTH);
            return true;
        } catch (AuthenticationException e) {
            return challenge(response);
        } catch (RateLimitedException e) {
            return refuse(response, 429, e.getMessage(), e.retryAfter().toSeconds());
        } catch (ForbiddenException e) {
            return refuse(response, 403, e.getMessage(), 0);
        }
    }

    /** Whether a non-admin may open the console page with this label. */
    boolean mayOpen(String label) {
        return ALWAYS_OPEN.contains(label) || sitekeeperLabels.containsValue(label);
    }

    /**
     * The first path segment below the console root: the plugin label ({@code res} for the console's static
     * files, which Felix serves from a servlet of their own).
     */
    static String label(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(CONSOLE_ROOT)) {
            path = path.substring(CONSOLE_ROOT.length());
        } else if (request.getPathInfo() != null) {
            path = request.getPathInfo();
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    private static boolean challenge(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Sitekeeper\", charset=\"UTF-8\"");
        return refuse(response, 401, "Log in with your Sitekeeper account.", 0);
    }

    private static boolean refuse(HttpServletResponse response, int status, String message, long retryAfter) {
        try {
            if (retryAfter > 0) {
                response.setHeader("Retry-After", Long.toString(retryAfter));
            }
            response.sendError(status, message);
        } catch (IOException e) {
            LOG.debug("Could not send the console refusal", e);
        }
        return false;
    }

    @Override
    public Object authenticate(String username, String password) {
        try {
            return authenticator.authenticate(username, password, null);
        } catch (AuthenticationException | RateLimitedException | ForbiddenException e) {
            return null;
        }
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof StaffPrincipal principal
                && Role.fromWireName(role).map(principal::has).orElse(principal.has(Role.ADMIN));
    }
}
