package org.sitekeeper.rest.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error: {@code {"error": code, "message": sentence, "field": name}}; {@code field} only when
 * one field is at fault.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
        @JsonIgnore int status, String error, String message, String field, @JsonIgnore Long retryAfterSeconds) {

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, null, null);
    }

    public static ApiError field(int status, String error, String field, String message) {
        return new ApiError(status, error, message, field, null);
    }
}
