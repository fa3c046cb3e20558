package org.sitekeeper.telemetry.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.sitekeeper.core.api.error.SitekeeperException;
import org.sitekeeper.rest.api.JaxRs;
import org.sitekeeper.telemetry.api.ConnectionHeartbeat;
import org.sitekeeper.telemetry.api.ConnectionService;

/**
 * Seed 001's {@code POST /api/bots/wordpress-heartbeat}: the WordPress plugin's heartbeat with its {@code X-Bot-Token},
 * answered exactly as the seed documents, {@code {"success", "message"}}, failures included (with the error code and
 * the field at fault added).
 */
@Component(service = BotsResource.class, property = JaxRs.RESOURCE)
@Path("bots")
@Produces(MediaType.APPLICATION_JSON)
public final class BotsResource {

    static final String OK = "WordPress connection updated successfully";
    static final String FAILED = "Failed to update WordPress connection";

    private final ConnectionService connections;
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Activate
    public BotsResource(@Reference ConnectionService connections) {
        this.connections = connections;
    }

    @POST
    @Path("wordpress-heartbeat")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    public Response heartbeat(@HeaderParam("X-Bot-Token") String token, InputStream body) {
        ConnectionHeartbeat heartbeat;
        try {
            heartbeat = json.readValue(body, ConnectionHeartbeat.class);
        } catch (JsonProcessingException e) {
            return failure(400, "malformed_json", null, "the body is not the JSON object documented");
        } catch (IOException e) {
            return failure(400, "malformed_json", null, "the body could not be read");
        }
        try {
            connections.heartbeat(token, heartbeat);
        } catch (SitekeeperException e) {
            return failure(e.status(), e.code(), e.field(), e.getMessage());
        }
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("success", true);
        ok.put("message", OK);
        return Response.ok(ok).build();
    }

    private static Response failure(int status, String code, String field, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("message", FAILED);
        body.put("error", code);
        if (field != null) {
            body.put("field", field);
        }
        body.put("detail", detail);
        return Response.status(status).entity(body).build();
    }
}
