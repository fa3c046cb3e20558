package org.sitekeeper.rest.internal;

import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.sitekeeper.core.api.error.RateLimitedException;
import org.sitekeeper.core.api.error.SitekeeperException;
import org.sitekeeper.core.api.error.UnavailableException;

/**
 * Turns any failure into the API's error body. Client mistakes get a 4xx naming the field; anything else a
 * 500 with a reference to the log entry, never a stack trace.
 */
final class ErrorClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorClassifier.class);

    private ErrorClassifier() {}

    static ApiError classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return ApiError.of(413, "payload_too_large", tooLarge.getMessage());
            }
            if (t instanceof SitekeeperException known) {
                Long retry = known instanceof RateLimitedException limited
                        ? Long.valueOf(Math.max(1, limited.retryAfter().toSeconds()))
                        : known instanceof UnavailableException unavailable
                                ? unavailable
                                        .retryAfter()
                                        .map(Duration::toSeconds)
                                        .orElse(null)
                                : null;
                return new ApiError(known.status(), known.code(), known.getMessage(), known.field(), retry);
            }
            if (t instanceof ValueInstantiationException && t.getCause() instanceof SitekeeperException) {
                continue; // a DTO constructor refused a value: report that
            }
            if (t instanceof JsonMappingException mapping) {
                return mapping(mapping);
            }
            if (t instanceof InputCoercionException coercion) {
                return ApiError.of(400, "invalid_value", "a number is out of range for its field");
            }
            if (t instanceof StreamReadException parse) {
                return malformed(parse);
            }
            if (t instanceof ParamException param) {
                return parameter(param);
            }
            if (t instanceof WebApplicationException web) {
                return web(web.getResponse().getStatus());
            }
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Internal error {} while serving a REST request", reference, failure);
        return ApiError.of(
                500, "internal_error", "an internal error occurred (reference " + reference + " in the log)");
    }

    private static ApiError malformed(StreamReadException e) {
        // never echo the body back: Jackson's own message quotes the offending input
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return ApiError.of(400, "malformed_json", "request body is not valid JSON" + where);
    }

    private static ApiError mapping(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ApiError.field(400, "unknown_field", path, "unknown field " + path);
        }
        if (path.isEmpty()) {
            if (e instanceof MismatchedInputException
                    && String.valueOf(e.getOriginalMessage()).contains("No content")) {
                return ApiError.field(400, "missing_field", "body", "a JSON object body is required");
            }
            return ApiError.field(400, "invalid_type", "body", "request body must be a JSON object");
        }
        if (e instanceof InvalidNullException) {
            return ApiError.field(400, "invalid_type", path, path + " must not be null");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return ApiError.field(400, "invalid_type", path, path + " must be " + describe(mismatch.getTargetType()));
        }
        return ApiError.field(400, "invalid_value", path, path + " has an invalid value");
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String describe(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time such as 2026-01-31T12:00:00Z";
        }
        if (type.isEnum()) {
            return "one of "
                    + String.join(
                            ", ",
                            java.util.Arrays.stream(type.getEnumConstants())
                                    .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                                    .toList());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of type " + type.getSimpleName();
    }

    private static ApiError parameter(ParamException e) {
        if (e instanceof ParamException.PathParamException) {
            return ApiError.of(404, "not_found", "no such resource");
        }
        String name = e.getParameterName();
        return ApiError.field(400, "invalid_value", name, name + " has an invalid value");
    }

    private static ApiError web(int status) {
        return switch (status) {
            case 400 -> ApiError.of(400, "bad_request", "the request is malformed");
            case 401 -> ApiError.of(401, "unauthorized", "authentication required");
            case 403 -> ApiError.of(403, "forbidden", "not allowed");
            case 404 -> ApiError.of(404, "not_found", "no such resource");
            case 405 -> ApiError.of(405, "method_not_allowed", "this resource does not support that HTTP method");
            case 406 -> ApiError.of(406, "not_acceptable", "this resource answers in application/json");
            case 415 -> ApiError.of(415, "unsupported_media_type", "the body must be sent as application/json");
            default -> status >= 500
                    ? ApiError.of(status, "internal_error", "an internal error occurred")
                    : ApiError.of(status, "bad_request", "the request cannot be served (HTTP " + status + ")");
        };
    }
}
