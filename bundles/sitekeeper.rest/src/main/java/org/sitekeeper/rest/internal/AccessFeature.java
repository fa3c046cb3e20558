package org.sitekeeper.rest.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.audit.AuditLog;
import org.sitekeeper.core.api.error.ForbiddenException;
import org.sitekeeper.core.api.security.StaffAuthenticator;

/**
 * Decides per resource method who may call it: {@code @PermitAll} is public; {@code @RolesAllowed} names the
 * weakest role that may (roles imply the weaker ones); without either, reads need {@code viewer} and
 * changes need {@code ops}; {@code @DenyAll} refuses everyone. Secure by default: a new resource is never public by accident.
 */
final class AccessFeature implements DynamicFeature {

    private final StaffAuthenticator authenticator;
    private final AuditLog audit;

    AccessFeature(StaffAuthenticator authenticator, AuditLog audit) {
        this.authenticator = authenticator;
        this.audit = audit;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || isPublic(method, type)) {
            return;
        }
        if (isDenied(method, type)) {
            context.register(new DeniedFilter(), Priorities.AUTHENTICATION);
            return;
        }
        context.register(new AccessFilter(authenticator, audit, required(method, type)), Priorities.AUTHENTICATION);
    }

    static boolean isPublic(Method method, Class<?> type) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        return !method.isAnnotationPresent(RolesAllowed.class) && type.isAnnotationPresent(PermitAll.class);
    }

    /** {@code @DenyAll} on the method, or on the class without a method-level grant. */
    static boolean isDenied(Method method, Class<?> type) {
        if (method.isAnnotationPresent(DenyAll.class)) {
            return true;
        }
        return type.isAnnotationPresent(DenyAll.class)
                && !method.isAnnotationPresent(RolesAllowed.class)
                && !method.isAnnotationPresent(PermitAll.class);
    }

    /** Refuses every call of a {@code @DenyAll} method. */
    static final class DeniedFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            throw new ForbiddenException("this operation is not available");
        }
    }

    static Role required(Method method, Class<?> type) {
        return weakest(method).or(() -> weakest(type)).orElseGet(() -> isRead(method) ? Role.VIEWER : Role.OPS);
    }

    private static Optional<Role> weakest(AnnotatedElement element) {
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(allowed.value())
                .map(name -> Role.fromWireName(name)
                        .orElseThrow(() -> new IllegalArgumentException("unknown role in @RolesAllowed: " + name)))
                .min(Comparator.naturalOrder())
                .orElse(Role.ADMIN));
    }

    private static boolean isRead(Method method) {
        return method.isAnnotationPresent(GET.class)
                || method.isAnnotationPresent(HEAD.class)
                || method.isAnnotationPresent(OPTIONS.class);
    }
}
