package org.corridor.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error response: {@code {"error":{"type":...,"code":...,"message":...,"param":...}}},
 * with {@code param} left out when the error is not about one parameter.
 *
 * @param error what went wrong
 */
public record ErrorBody(Detail error) {

    /**
     * The error itself.
     *
     * @param type the broad class ({@link ErrorType#wireName()})
     * @param code the machine-readable reason, snake_case
     * @param message what was wrong and how to fix it, for a person
     * @param param the request parameter concerned, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String type, String code, String message, String param) {}

    /** The body for {@code problem}. */
    public static ErrorBody of(ApiException problem) {
        return new ErrorBody(new Detail(problem.type().wireName(), problem.code(), problem.getMessage(),
                problem.param().orElse(null)));
    }
}
