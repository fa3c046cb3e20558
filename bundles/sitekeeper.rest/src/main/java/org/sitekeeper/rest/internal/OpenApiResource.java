package org.sitekeeper.rest.internal;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 description of what this hub serves now (capabilities that
 * are not installed are not in it). Public, like the routes it describes are discoverable anyway.
 */
@Path("v1/openapi.json")
public final class OpenApiResource {

    private final OpenApi openApi;

    OpenApiResource(OpenApi openApi) {
        this.openApi = openApi;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode document() {
        return openApi.document();
    }
}
