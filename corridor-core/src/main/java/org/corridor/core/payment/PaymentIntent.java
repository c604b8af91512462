package org.corridor.core.payment;

import java.util.Map;
import org.corridor.core.Id128;
import org.corridor.core.state.OwnedObject;

/**
 * A merchant's intent to collect an amount from a shopper, followed from creation to success or
 * cancellation.
 *
 * @param id {@code pi_…}
 * @param ownerId the merchant or marketplace that created it
 * @param amountMinor the amount to collect, in minor units
 * @param currency ISO 4217 code
 * @param captureMethod automatic (pay at confirmation) or manual (reserve, capture later)
 * @param status where it stands
 * @param description the merchant's text; may be empty
 * @param metadata the merchant's key-value pairs
 * @param clientSecret lets the shopper's wallet provider confirm an intent it does not own
 * @param paymentMethod the method confirmed with; null until then
 * @param amountCapturable what a capture may still take (manual capture, while requires_capture)
 * @param amountReceived what was captured
 * @param amountRefunded what was refunded, never more than received
 * @param feeMinor the merchant fee charged on what was received
 * @param reservationId the pending ledger transfer holding the shopper's funds; zero if none
 * @param lastPaymentError why the last confirmation failed; null if none did
 * @param cancellationReason why it was canceled; empty unless canceled
 * @param createdAt nanoseconds since the epoch
 * @param conversion how the shopper's currency became the intent's, for a cross-currency payment; null otherwise
 */
public record PaymentIntent(
        String id,
        String ownerId,
        long amountMinor,
        String currency,
        CaptureMethod captureMethod,
        PaymentIntentStatus status,
        String description,
        Map<String, String> metadata,
        String clientSecret,
        PaymentMethod paymentMethod,
        long amountCapturable,
        long amountReceived,
        long amountRefunded,
        long feeMinor,
        Id128 reservationId,
        PaymentError lastPaymentError,
        String cancellationReason,
        long createdAt,
        PaymentConversion conversion) implements OwnedObject {

    public PaymentIntent {
        metadata = Map.copyOf(metadata);
    }

    /** A new intent waiting for a payment method (or for confirmation, if one was given). */
    public static PaymentIntent create(String id, String ownerId, long amountMinor, String currency,
            CaptureMethod captureMethod, String description, Map<String, String> metadata, String clientSecret,
            PaymentMethod paymentMethod, long createdAt) {
        PaymentIntentStatus status = paymentMethod == null
                ? PaymentIntentStatus.REQUIRES_PAYMENT_METHOD
                : PaymentIntentStatus.REQUIRES_CONFIRMATION;
        return new PaymentIntent(id, ownerId, amountMinor, currency, captureMethod, status, description, metadata,
                clientSecret, paymentMethod, 0, 0, 0, 0, Id128.ZERO, null, "", createdAt, null);
    }

    /** The money moved at once: succeeded with the whole amount received. */
    public PaymentIntent succeeded(PaymentMethod method, long fee) {
        return new PaymentIntent(id, ownerId, amountMinor, currency, captureMethod, PaymentIntentStatus.SUCCEEDED,
                description, metadata, clientSecret, method, 0, amountMinor, amountRefunded, fee, reservationId, null,
                cancellationReason, createdAt, conversion);
    }

    /** The shopper's funds are reserved by a pending transfer, waiting for a capture. */
    public PaymentIntent reserved(PaymentMethod method, Id128 reservation) {
        return new PaymentIntent(id, ownerId, amountMinor, currency, captureMethod,
                PaymentIntentStatus.REQUIRES_CAPTURE, description, metadata, clientSecret, method, amountMinor, 0,
                amountRefunded, feeMinor, reservation, null, cancellationReason, createdAt, conversion);
    }

    /** Waiting for an outside party (a card issuer) to answer for {@code method}. */
    public PaymentIntent processing(PaymentMethod method) {
        return new PaymentIntent(id, ownerId, amountMinor, currency, captureMethod, PaymentIntentStatus.PROCESSING,
                description, metadata, clientSecret, method, 0, 0, amountRefunded, feeMinor, reservationId, null,
                cancellationReason, createdAt, conversion);
    }

    /** The payment failed, its conversion with it; the shopper may try again with another method. */
    public PaymentIntent failed(PaymentMethod method, PaymentError error) {
        return new PaymentIntent(id, ownerId, amountMinor, currency, captureMethod,
                PaymentIntentStatus.REQUIRES_PAYMENT_METHOD, description, metadata, clientSecret, method, 0, 0,
                amountRefunded, feeMinor, reservationId, error, cancellationReason, createdAt, null);
    }

    /** Captured {@code amount} of the reservation; the rest went back to the shopper. */
    public PaymentIntent captured(long amount, long fee) {
        return new PaymentIntent(id, ownerId, amountMinor, currency, captureMethod, PaymentIntentStatus.SUCCEEDED,
                description, metadata, clientSecret, paymentMethod, 0, amount, amountRefunded, fee, reservationId,
                lastPaymentError, cancellationReason, createdAt, conversion);
    }

    public PaymentIntent canceled(String reason) {
        return new PaymentIntent(id, ownerId, amountMinor, currency, captureMethod, PaymentIntentStatus.CANCELED,
                description, metadata, clientSecret, paymentMethod, 0, amountReceived, amountRefunded, feeMinor,
                reservationId, lastPaymentError, reason, createdAt, conversion);
    }

    public PaymentIntent refunded(long amount) {
        return new PaymentIntent(id, ownerId, amountMinor, currency, captureMethod, status, description, metadata,
                clientSecret, paymentMethod, amountCapturable, amountReceived, Math.addExact(amountRefunded, amount),
                feeMinor, reservationId, lastPaymentError, cancellationReason, createdAt, conversion);
    }

    /** The same intent paying through {@code paid}, or in its own currency when null. */
    public PaymentIntent withConversion(PaymentConversion paid) {
        return new PaymentIntent(id, ownerId, amountMinor, currency, captureMethod, status, description, metadata,
                clientSecret, paymentMethod, amountCapturable, amountReceived, amountRefunded, feeMinor, reservationId,
                lastPaymentError, cancellationReason, createdAt, paid);
    }

    /** What a refund may still return. */
    public long refundable() {
        return amountReceived - amountRefunded;
    }
}
