package org.corridor.api.error;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.corridor.core.Check;

/**
 * An answer that is an error, thrown by a handler (or by the server's own checks) and written by the server in
 * the one error shape: {@code {"error":{"type":...,"code":...,"message":...,"param":...}}}.
 *
 * <p>The message is shown to the API's users: it says what was wrong with the request and how to fix it, and
 * never carries internal detail. It is an expected outcome, not a bug, so it records no stack trace.
 */
public final class ApiException extends RuntimeException {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final ErrorStatus status;
    private final ErrorType type;
    private final String code;
    private final String param;
    private final long retryAfterSeconds;

    private ApiException(ErrorStatus status, ErrorType type, String code, String message, String param,
            long retryAfterSeconds) {
        super(message, null, false, false);
        Check.that(status != null && type != null, "an API error needs a status and a type");
        Check.that(code != null && CODE.matcher(code).matches(), "an API error code is snake_case: " + code);
        Check.that(message != null && !message.isBlank(), "an API error needs a message for the user");
        Check.that(param == null || !param.isBlank(), "an API error's param is absent or names a parameter");
        boolean saysWhen = status == ErrorStatus.TOO_MANY_REQUESTS || status == ErrorStatus.SERVICE_UNAVAILABLE;
        Check.that(saysWhen == (retryAfterSeconds > 0), "Retry-After comes with 429 and 503, and only with them");
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Any documented status with an explicit type, for the cases the named factories do not cover. */
    public static ApiException of(ErrorStatus status, ErrorType type, String code, String message, String param) {
        return new ApiException(status, type, code, message, param, 0);
    }

    /** 400: the request is malformed or a parameter is invalid; {@code param} may be null. */
    public static ApiException badRequest(String code, String message, String param) {
        return of(ErrorStatus.BAD_REQUEST, ErrorStatus.BAD_REQUEST.defaultType(), code, message, param);
    }

    /** 401: no valid credentials. */
    public static ApiException unauthorized(String code, String message) {
        return of(ErrorStatus.UNAUTHORIZED, ErrorStatus.UNAUTHORIZED.defaultType(), code, message, null);
    }

    /** 402: the payment was declined; {@code param} may be null. */
    public static ApiException paymentDeclined(String code, String message, String param) {
        return of(ErrorStatus.PAYMENT_REQUIRED, ErrorStatus.PAYMENT_REQUIRED.defaultType(), code, message, param);
    }

    /** 403: authenticated, but this caller may not do this. */
    public static ApiException forbidden(String code, String message) {
        return of(ErrorStatus.FORBIDDEN, ErrorStatus.FORBIDDEN.defaultType(), code, message, null);
    }

    /** 404: no such route, or no such object visible to this caller; {@code param} may be null. */
    public static ApiException notFound(String code, String message, String param) {
        return of(ErrorStatus.NOT_FOUND, ErrorStatus.NOT_FOUND.defaultType(), code, message, param);
    }

    /** 405: the route exists, the method does not. */
    public static ApiException methodNotAllowed(String message) {
        return of(ErrorStatus.METHOD_NOT_ALLOWED, ErrorStatus.METHOD_NOT_ALLOWED.defaultType(), "method_not_allowed",
                message, null);
    }

    /** 408: the request body arrived too slowly and was cut off. */
    public static ApiException requestTimeout() {
        return of(ErrorStatus.REQUEST_TIMEOUT, ErrorStatus.REQUEST_TIMEOUT.defaultType(), "request_timeout",
                "The request body arrived too slowly and was cut off; send the request again.", null);
    }

    /** 409: the request conflicts with the current state, e.g. a retry while the first attempt is in flight. */
    public static ApiException conflict(ErrorType type, String code, String message) {
        return of(ErrorStatus.CONFLICT, type, code, message, null);
    }

    /** 413: the body is larger than the server accepts. */
    public static ApiException contentTooLarge(String message) {
        return of(ErrorStatus.CONTENT_TOO_LARGE, ErrorStatus.CONTENT_TOO_LARGE.defaultType(), "body_too_large",
                message, null);
    }

    /** 415: the body is not JSON. */
    public static ApiException unsupportedMediaType(String message) {
        return of(ErrorStatus.UNSUPPORTED_MEDIA_TYPE, ErrorStatus.UNSUPPORTED_MEDIA_TYPE.defaultType(),
                "content_type_unsupported", message, null);
    }

    /** 422: well-formed, but not acceptable as asked; {@code param} may be null. */
    public static ApiException unprocessable(String code, String message, String param) {
        return of(ErrorStatus.UNPROCESSABLE_CONTENT, ErrorStatus.UNPROCESSABLE_CONTENT.defaultType(), code, message,
                param);
    }

    /** 429 with {@code Retry-After}, rounded up to whole seconds (at least one). */
    public static ApiException tooManyRequests(String code, String message, Duration retryAfter) {
        Check.that(retryAfter != null && retryAfter.isPositive(), "a 429 says when to retry");
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return new ApiException(ErrorStatus.TOO_MANY_REQUESTS, ErrorStatus.TOO_MANY_REQUESTS.defaultType(), code,
                message, null, seconds);
    }

    /** 503 with {@code Retry-After}: nothing was done; the same request may be sent again after the wait. */
    public static ApiException unavailable(String code, String message, Duration retryAfter) {
        Check.that(retryAfter != null && retryAfter.isPositive(), "a 503 says when to retry");
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return new ApiException(ErrorStatus.SERVICE_UNAVAILABLE, ErrorStatus.SERVICE_UNAVAILABLE.defaultType(), code,
                message, null, seconds);
    }

    /** 500: a fault on Corridor's side. The message is the same for every fault, so none leaks detail. */
    public static ApiException internal() {
        return of(ErrorStatus.INTERNAL_SERVER_ERROR, ErrorType.API_ERROR, "internal_error",
                "Corridor could not complete the request because of an error on its side. The Request-Id header "
                        + "identifies it; retrying with the same Idempotency-Key is safe.", null);
    }

    /** The HTTP status. */
    public ErrorStatus status() {
        return status;
    }

    /** The error type. */
    public ErrorType type() {
        return type;
    }

    /** The machine-readable code, snake_case. */
    public String code() {
        return code;
    }

    /** The request parameter the error is about, as the client named it, if it is about one. */
    public Optional<String> param() {
        return Optional.ofNullable(param);
    }

    /** Seconds after which a 429 or 503 may be retried; 0 for every other status. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
