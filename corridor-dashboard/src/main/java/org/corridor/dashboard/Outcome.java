package org.corridor.dashboard;

import java.util.Optional;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;

/** What one committed change of a payment intent was, for the live counts: an approval, a decline, or neither. */
public enum Outcome {
    APPROVED,
    DECLINED;

    /**
     * The outcome of the change from {@code before} (null for a new intent) to {@code after}. An approval is the
     * move into {@code succeeded} or {@code requires_capture} (a later capture is not a second approval); a decline is
     * a new payment error. Errors are compared by identity: every failure makes a new one, while other changes of a
     * failed intent (a cancellation) carry the same one over.
     */
    public static Optional<Outcome> of(PaymentIntent before, PaymentIntent after) {
        if (approved(after) && (before == null || !approved(before))) return Optional.of(APPROVED);
        boolean newError = before == null || before.lastPaymentError() != after.lastPaymentError();
        if (after.lastPaymentError() != null && newError) {
            return Optional.of(DECLINED);
        }
        return Optional.empty();
    }

    private static boolean approved(PaymentIntent intent) {
        PaymentIntentStatus status = intent.status();
        return status == PaymentIntentStatus.SUCCEEDED || status == PaymentIntentStatus.REQUIRES_CAPTURE;
    }
}
