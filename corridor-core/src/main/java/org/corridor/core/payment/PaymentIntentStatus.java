package org.corridor.core.payment;

/**
 * The states of a payment intent, as Stripe names them.
 *
 * <p>The customer-balance method moves from confirmation straight to {@link #REQUIRES_CAPTURE} or
 * {@link #SUCCEEDED}; {@link #REQUIRES_ACTION} and {@link #PROCESSING} belong to methods that wait for the
 * shopper or for an outside party (a cardholder challenge, an issuer round trip).
 */
public enum PaymentIntentStatus {
    REQUIRES_PAYMENT_METHOD,
    REQUIRES_CONFIRMATION,
    REQUIRES_ACTION,
    PROCESSING,
    REQUIRES_CAPTURE,
    SUCCEEDED,
    CANCELED;

    /** Whether a payment method may still be confirmed. */
    public boolean confirmable() {
        return this == REQUIRES_PAYMENT_METHOD || this == REQUIRES_CONFIRMATION;
    }

    /** Whether the intent may still be canceled (Stripe: anything not finished and not in flight). */
    public boolean cancelable() {
        return this == REQUIRES_PAYMENT_METHOD || this == REQUIRES_CONFIRMATION || this == REQUIRES_ACTION
                || this == REQUIRES_CAPTURE;
    }
}
