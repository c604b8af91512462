package org.corridor.core.payment;

/**
 * Why the last attempt to pay failed, kept on the intent (Stripe's {@code last_payment_error}).
 *
 * @param code a stable machine-readable code, such as {@code insufficient_funds}
 * @param message a sentence for people
 * @param declineCode the issuer's ISO 8583 response code (DE39) when an issuer declined; empty otherwise
 */
public record PaymentError(String code, String message, String declineCode) {
    public PaymentError(String code, String message) {
        this(code, message, "");
    }
}
