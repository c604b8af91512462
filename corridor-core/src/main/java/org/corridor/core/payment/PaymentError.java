package org.corridor.core.payment;

/**
 * Why the last attempt to pay failed, kept on the intent (Stripe's {@code last_payment_error}).
 *
 * @param code a stable machine-readable code, such as {@code insufficient_funds}
 * @param message a sentence for people
 */
public record PaymentError(String code, String message) {}
