package org.corridor.core.state;

/**
 * An error reply as the API shows it, kept in an idempotency record so that a retry gets the same reply.
 *
 * @param status the HTTP status
 * @param type the error type, such as {@code invalid_request_error}
 * @param code a stable code, such as {@code amount_too_large}
 * @param message a sentence for people
 * @param param the request parameter at fault; empty if none
 * @param declineCode the issuer's ISO 8583 response code (DE39) when an issuer declined; empty otherwise
 */
public record StoredError(int status, String type, String code, String message, String param, String declineCode) {
    /** An error no issuer answered. */
    public StoredError(int status, String type, String code, String message, String param) {
        this(status, type, code, message, param, "");
    }
}
