package org.corridor.api.error;

/**
 * The {@code type} of an error: the broad class a client branches on before it looks at the {@code code}. The
 * names follow Stripe's, so that clients written against that model read Corridor's errors the same way.
 */
public enum ErrorType {
    /** Something went wrong on Corridor's side; the request may be retried (with its Idempotency-Key). */
    API_ERROR("api_error"),
    /** A retried request does not match the first one with the same Idempotency-Key, or is still in flight. */
    IDEMPOTENCY_ERROR("idempotency_error"),
    /** The request itself is wrong: malformed, unknown route, missing or invalid parameter, not allowed. */
    INVALID_REQUEST_ERROR("invalid_request_error"),
    /**
     * The payment was declined by whoever holds the money: an issuer, or a wallet without the funds. Stripe
     * calls this {@code card_error}; Corridor declines account wallet payments too, hence the wider name.
     */
    PAYMENT_ERROR("payment_error");

    private final String wireName;

    ErrorType(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code type} field in JSON. */
    public String wireName() {
        return wireName;
    }
}
