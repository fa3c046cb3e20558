package org.sitekeeper.rest.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Configuration;
import javax.ws.rs.core.FeatureContext;

import org.junit.jupiter.api.Test;

import org.sitekeeper.core.api.Role;
import org.sitekeeper.core.api.RoleNames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resource methods are looked up by name: the annotations on them are what is under test. */
class AccessFeatureTest {

    @Path("v1/plain")
    static class PlainResource {
        @GET
        public String list() {
            return "";
        }

        @HEAD
        public void head() {}

        @OPTIONS
        public void options() {}

        @POST
        public void create() {}

        @PUT
        public void update() {}

        @DELETE
        public void delete() {}

        @GET
        @RolesAllowed({RoleNames.OPS, RoleNames.ADMIN})
        public String opsOrAdmin() {
            return "";
        }

        @GET
        @RolesAllowed({"ADMIN", " Viewer "})
        public String anyCaseAndSpacing() {
            return "";
        }

        @POST
        @RolesAllowed(RoleNames.VIEWER)
        public void viewerMayPost() {}

        @GET
        @RolesAllowed({})
        public String nobodyNamed() {
            return "";
        }

        @GET
        @RolesAllowed({RoleNames.VIEWER, "root"})
        public String unknownRole() {
            return "";
        }

        @GET
        @PermitAll
        public String health() {
            return "";
        }
    }

    @Path("v1/admin")
    @RolesAllowed(RoleNames.ADMIN)
    static class AdminResource {
        @GET
        public String list() {
            return "";
        }

        @GET
        @RolesAllowed(RoleNames.VIEWER)
        public String mine() {
            return "";
        }

        @GET
        @PermitAll
        public String ping() {
            return "";
        }
    }

    @Path("v1/open")
    @PermitAll
    static class OpenResource {
        @GET
        public String info() {
            return "";
        }

        @POST
        @RolesAllowed(RoleNames.OPS)
        public void change() {}
    }

    @Path("v1/closed")
    @DenyAll
    static class ClosedResource {
        @GET
        public String hidden() {
            return "";
        }

        @GET
        @Path("open")
        @RolesAllowed(RoleNames.VIEWER)
        public String granted() {
            return "";
        }
    }

    @Path("v1/mixed")
    static class MixedResource {
        @DELETE
        @DenyAll
        public void never() {}
    }

    private static Method method(Class<?> type, String name) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new AssertionError("no method " + name + " in " + type.getSimpleName());
    }

    private static Role required(Class<?> type, String name) {
        return AccessFeature.required(method(type, name), type);
    }

    private static boolean isPublic(Class<?> type, String name) {
        return AccessFeature.isPublic(method(type, name), type);
    }

    @Test
    void readsNeedViewerByDefault() {
        assertThat(required(PlainResource.class, "list")).isEqualTo(Role.VIEWER);
        assertThat(required(PlainResource.class, "head")).isEqualTo(Role.VIEWER);
        assertThat(required(PlainResource.class, "options")).isEqualTo(Role.VIEWER);
    }

    @Test
    void changesNeedOpsByDefault() {
        assertThat(required(PlainResource.class, "create")).isEqualTo(Role.OPS);
        assertThat(required(PlainResource.class, "update")).isEqualTo(Role.OPS);
        assertThat(required(PlainResource.class, "delete")).isEqualTo(Role.OPS);
    }

    @Test
    void theWeakestRoleNamedIsRequired() {
        assertThat(required(PlainResource.class, "opsOrAdmin")).isEqualTo(Role.OPS);
        assertThat(required(PlainResource.class, "anyCaseAndSpacing")).isEqualTo(Role.VIEWER);
    }

    @Test
    void aMethodAnnotationOverridesTheHttpMethodDefault() {
        assertThat(required(PlainResource.class, "viewerMayPost")).isEqualTo(Role.VIEWER);
    }

    @Test
    void anEmptyRoleListNeedsAdmin() {
        assertThat(required(PlainResource.class, "nobodyNamed")).isEqualTo(Role.ADMIN);
    }

    @Test
    void anUnknownRoleNameIsAProgrammingError() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> required(PlainResource.class, "unknownRole"))
                .withMessageContaining("root");
    }

    @Test
    void classAnnotationWinsOverTheDefault() {
        assertThat(required(AdminResource.class, "list")).isEqualTo(Role.ADMIN);
    }

    @Test
    void methodAnnotationWinsOverTheClassAnnotation() {
        assertThat(required(AdminResource.class, "mine")).isEqualTo(Role.VIEWER);
    }

    @Test
    void permitAllOnTheMethodIsPublic() {
        assertThat(isPublic(PlainResource.class, "health")).isTrue();
        assertThat(isPublic(AdminResource.class, "ping")).isTrue();
    }

    @Test
    void permitAllOnTheClassMakesUnannotatedMethodsPublic() {
        assertThat(isPublic(OpenResource.class, "info")).isTrue();
    }

    @Test
    void rolesAllowedOnTheMethodWinsOverPermitAllOnTheClass() {
        assertThat(isPublic(OpenResource.class, "change")).isFalse();
        assertThat(required(OpenResource.class, "change")).isEqualTo(Role.OPS);
    }

    @Test
    void nothingIsPublicByAccident() {
        assertThat(isPublic(PlainResource.class, "list")).isFalse();
        assertThat(isPublic(PlainResource.class, "create")).isFalse();
        assertThat(isPublic(AdminResource.class, "list")).isFalse();
    }

    /** Records what the feature registers. */
    private static final class RecordingContext implements FeatureContext {
        final List<Object> registered = new ArrayList<>();
        final List<Integer> priorities = new ArrayList<>();

        @Override
        public FeatureContext register(Object component, int priority) {
            registered.add(component);
            priorities.add(priority);
            return this;
        }

        @Override
        public Configuration getConfiguration() {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeatureContext property(String name, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeatureContext register(Class<?> componentClass) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeatureContext register(Class<?> componentClass, int priority) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeatureContext register(Class<?> componentClass, Class<?>... contracts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeatureContext register(Class<?> componentClass, Map<Class<?>, Integer> contracts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeatureContext register(Object component) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeatureContext register(Object component, Class<?>... contracts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FeatureContext register(Object component, Map<Class<?>, Integer> contracts) {
            throw new UnsupportedOperationException();
        }
    }

    private static ResourceInfo resource(Class<?> type, String name) {
        Method method = name == null ? null : method(type, name);
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        };
    }

    private final AccessFeature feature = new AccessFeature(null, null);

    @Test
    void guardsEveryNonPublicMethodAtAuthenticationPriority() {
        RecordingContext context = new RecordingContext();

        feature.configure(resource(AdminResource.class, "list"), context);

        assertThat(context.registered).singleElement().isInstanceOf(AccessFilter.class);
        assertThat(context.priorities).containsExactly(Priorities.AUTHENTICATION);
    }

    @Test
    void leavesPublicMethodsUnguarded() {
        RecordingContext context = new RecordingContext();

        feature.configure(resource(OpenResource.class, "info"), context);
        feature.configure(resource(PlainResource.class, "health"), context);

        assertThat(context.registered).isEmpty();
    }

    @Test
    void denyAllRefusesEveryoneUnlessTheMethodGrantsARole() {
        assertThat(AccessFeature.isDenied(method(ClosedResource.class, "hidden"), ClosedResource.class))
                .isTrue();
        assertThat(AccessFeature.isDenied(method(ClosedResource.class, "granted"), ClosedResource.class))
                .isFalse();
        assertThat(AccessFeature.isDenied(method(MixedResource.class, "never"), MixedResource.class))
                .isTrue();
        assertThat(AccessFeature.isDenied(method(AdminResource.class, "list"), AdminResource.class))
                .isFalse();
    }

    @Test
    void aDeniedMethodGetsAFilterThatRefusesWithForbidden() {
        RecordingContext context = new RecordingContext();

        feature.configure(resource(MixedResource.class, "never"), context);

        assertThat(context.registered).singleElement().isInstanceOf(AccessFeature.DeniedFilter.class);
        assertThatThrownBy(() -> new AccessFeature.DeniedFilter().filter(null))
                .isInstanceOf(org.sitekeeper.core.api.error.ForbiddenException.class);
    }

    @Test
    void ignoresResourcesWithoutAMethod() {
        RecordingContext context = new RecordingContext();

        feature.configure(resource(PlainResource.class, null), context);

        assertThat(context.registered).isEmpty();
    }
}
