package org.sitekeeper.rest.internal;

import java.util.List;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTest {

    @Path("v1/widgets")
    static class WidgetsResource {
        @GET
        public String list() {
            return "";
        }

        @POST
        public void create() {}

        @GET
        @Path("{id: \\d+}")
        public String get() {
            return "";
        }

        @PATCH
        @Path("/{id}/")
        public void change() {}

        @DELETE
        @Path("{id}")
        public void delete() {}

        @GET
        @Path("summary")
        public String summary() {
            return "";
        }
    }

    static class NotAResource {}

    @Test
    void readsEveryMethodAndPathOfAResourceWithoutTemplateExpressions() {
        List<Route> routes = Route.of(new WidgetsResource());

        assertThat(routes.stream().sorted().map(Route::toString))
                .containsExactly(
                        "GET /v1/widgets",
                        "POST /v1/widgets",
                        "GET /v1/widgets/summary",
                        "DELETE /v1/widgets/{id}",
                        "GET /v1/widgets/{id}",
                        "PATCH /v1/widgets/{id}");
    }

    @Test
    void aProviderHasNoRoutes() {
        assertThat(Route.of(new NotAResource())).isEmpty();
    }

    @Test
    void joinsPathsWithOneSlashAndNoTrailingOne() {
        assertThat(Route.join("", "v1/sites")).isEqualTo("/v1/sites");
        assertThat(Route.join("/v1/sites", "/{id : [0-9]+}/")).isEqualTo("/v1/sites/{id}");
        assertThat(Route.join("/v1", "")).isEqualTo("/v1");
    }
}
