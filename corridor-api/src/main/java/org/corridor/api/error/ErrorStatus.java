package org.corridor.api.error;

/**
 * The HTTP statuses an {@link ApiException} may carry: the ones the API documents, each with the error type it
 * means unless the thrower says otherwise. Keeping them in one list keeps handlers from inventing statuses the
 * contract does not describe.
 */
public enum ErrorStatus {
    BAD_REQUEST(400, ErrorType.INVALID_REQUEST_ERROR),
    UNAUTHORIZED(401, ErrorType.INVALID_REQUEST_ERROR),
    /** A declined payment. */
    PAYMENT_REQUIRED(402, ErrorType.PAYMENT_ERROR),
    FORBIDDEN(403, ErrorType.INVALID_REQUEST_ERROR),
    NOT_FOUND(404, ErrorType.INVALID_REQUEST_ERROR),
    METHOD_NOT_ALLOWED(405, ErrorType.INVALID_REQUEST_ERROR),
    /** The request body arrived too slowly (below the server's minimum rate) and was cut off. */
    REQUEST_TIMEOUT(408, ErrorType.INVALID_REQUEST_ERROR),
    CONFLICT(409, ErrorType.INVALID_REQUEST_ERROR),
    CONTENT_TOO_LARGE(413, ErrorType.INVALID_REQUEST_ERROR),
    UNSUPPORTED_MEDIA_TYPE(415, ErrorType.INVALID_REQUEST_ERROR),
    UNPROCESSABLE_CONTENT(422, ErrorType.INVALID_REQUEST_ERROR),
    /** Always sent with {@code Retry-After}. */
    TOO_MANY_REQUESTS(429, ErrorType.INVALID_REQUEST_ERROR),
    INTERNAL_SERVER_ERROR(500, ErrorType.API_ERROR),
    /** The switch cannot take the request now (its writer is full or rebuilding); sent with {@code Retry-After}. */
    SERVICE_UNAVAILABLE(503, ErrorType.API_ERROR);

    private final int code;
    private final ErrorType defaultType;

    ErrorStatus(int code, ErrorType defaultType) {
        this.code = code;
        this.defaultType = defaultType;
    }

    /** The numeric HTTP status. */
    public int code() {
        return code;
    }

    /** The error type this status means when the thrower names none. */
    public ErrorType defaultType() {
        return defaultType;
    }
}
