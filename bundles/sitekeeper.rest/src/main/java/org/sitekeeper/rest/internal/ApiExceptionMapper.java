package org.sitekeeper.rest.internal;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

/** Every failure becomes a JSON error body with the right status and headers. */
final class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    static final String AUTHENTICATE = "Basic realm=\"Sitekeeper\", charset=\"UTF-8\"";

    @Override
    public Response toResponse(Throwable failure) {
        ApiError error = ErrorClassifier.classify(failure);
        Response.ResponseBuilder response = Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error);
        if (error.status() == 401) {
            response.header("WWW-Authenticate", AUTHENTICATE);
        }
        if (error.retryAfterSeconds() != null) {
            response.header("Retry-After", error.retryAfterSeconds());
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getHeaderString("Allow") != null) {
            response.header("Allow", web.getResponse().getHeaderString("Allow"));
        }
        return response.build();
    }
}
