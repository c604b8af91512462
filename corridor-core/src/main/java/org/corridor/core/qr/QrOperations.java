package org.corridor.core.qr;

import java.util.Map;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * Commands on QR codes, run on the writer thread: creating one, and a wallet paying one for its customer from the
 * customer's balance ({@link #pay}) or with a device token in the shopper's phone ({@link #open}, the card rails,
 * {@link #settle}).
 */
public final class QrOperations {
    /** In precedence order. */
    public enum CreateResult { OK, NOT_A_MERCHANT, CURRENCY_NOT_SUPPORTED }

    /**
     * In precedence order. {@link #DECLINED} is the payment's own decline (the customer's balance is too low): the
     * intent it made shows why.
     */
    public enum PayResult {
        OK, QR_CODE_NOT_FOUND, QR_CODE_USED, AMOUNT_MISSING, AMOUNT_MISMATCH, CUSTOMER_NOT_FOUND,
        CURRENCY_NOT_SUPPORTED, DECLINED
    }

    private QrOperations() {}

    public static Outcome<CreateResult, QrCode> create(SwitchState state, QrCode spec) {
        Optional<Participant> merchant = state.find(RecordKind.PARTICIPANT, spec.ownerId(), Participant.class);
        if (merchant.isEmpty() || !merchant.get().role().acceptsPayments()) return Outcome.refused(CreateResult.NOT_A_MERCHANT);
        if (merchant.get().account(spec.currency()).isEmpty()) return Outcome.refused(CreateResult.CURRENCY_NOT_SUPPORTED);
        QrCode created = new QrCode(spec.id(), spec.ownerId(), spec.amountMinor(), spec.currency(), spec.reference(),
                spec.payload(), "", state.now());
        state.put(RecordKind.QR_CODE, created.id(), created);
        return Outcome.of(CreateResult.OK, created);
    }

    /**
     * The wallet provider {@code callerId} pays QR code {@code qrId} (as scanned: it must be {@code merchantId}'s, in
     * {@code currency}) for its customer: an intent of the merchant for the code's amount (or, for a static code,
     * {@code amountMinor}), paid at once from the customer's balance with the merchant fee. A dynamic code pays once.
     */
    public static Outcome<PayResult, PaymentIntent> pay(SwitchState state, String callerId, String qrId,
            String merchantId, String currency, long amountMinor, String customerId, String intentId, String clientSecret) {
        Optional<QrCode> found = state.find(RecordKind.QR_CODE, qrId, QrCode.class)
                .filter(qr -> qr.ownerId().equals(merchantId) && qr.currency().equals(currency));
        PayResult refused = check(state, found, amountMinor);
        if (refused != null) return Outcome.refused(refused);
        QrCode qr = found.get();
        Optional<Customer> customer = state.find(RecordKind.CUSTOMER, customerId, Customer.class)
                .filter(c -> c.ownerId().equals(callerId));
        if (customer.isEmpty()) return Outcome.refused(PayResult.CUSTOMER_NOT_FOUND);
        if (customer.get().account(qr.currency()).isEmpty()) return Outcome.refused(PayResult.CURRENCY_NOT_SUPPORTED);
        PaymentIntent spec = createIntent(state, qr, amountMinor, intentId, clientSecret);
        var paid = PaymentOperations.confirm(state, callerId, spec.id(), spec.clientSecret(),
                new PaymentMethod.CustomerBalance(customerId));
        return switch (paid.result()) {
            case OK -> {
                if (qr.dynamic()) state.put(RecordKind.QR_CODE, qr.id(), qr.paidBy(spec.id()));
                yield Outcome.of(PayResult.OK, paid.value());
            }
            case DECLINED -> Outcome.of(PayResult.DECLINED, paid.value());
            case PAYMENT_INTENT_NOT_FOUND, PAYMENT_INTENT_UNEXPECTED_STATE, PAYMENT_METHOD_MISSING, CUSTOMER_NOT_FOUND,
                    CURRENCY_NOT_SUPPORTED, QUOTE_NOT_FOUND, QUOTE_MISMATCH, QUOTE_USED, QUOTE_EXPIRED, FX_UNAVAILABLE ->
                    throw new IllegalStateException("a fresh intent confirms: " + paid.result());
        };
    }

    /**
     * The first step of paying a scanned code with a device token (the phone's token wallet scans it): the same checks
     * as {@link #pay} up to the customer, then the merchant's intent, to be confirmed through the card rails. A dynamic
     * code is held by this intent meanwhile, so no second payment starts; {@link #settle} keeps or frees it.
     */
    public static Outcome<PayResult, PaymentIntent> open(SwitchState state, String qrId, String merchantId,
            String currency, long amountMinor, String intentId, String clientSecret) {
        Optional<QrCode> found = state.find(RecordKind.QR_CODE, qrId, QrCode.class)
                .filter(qr -> qr.ownerId().equals(merchantId) && qr.currency().equals(currency));
        PayResult refused = check(state, found, amountMinor);
        if (refused != null) return Outcome.refused(refused);
        QrCode qr = found.get();
        PaymentIntent spec = createIntent(state, qr, amountMinor, intentId, clientSecret);
        if (qr.dynamic()) state.put(RecordKind.QR_CODE, qr.id(), qr.paidBy(spec.id()));
        return Outcome.of(PayResult.OK, spec);
    }

    /** After the card rails answered for an intent {@link #open} made: a dynamic code it held is freed unless paid. */
    public static void settle(SwitchState state, String qrId, PaymentIntent intent) {
        state.find(RecordKind.QR_CODE, qrId, QrCode.class)
                .filter(qr -> qr.paymentIntentId().equals(intent.id())
                        && intent.status() == PaymentIntentStatus.REQUIRES_PAYMENT_METHOD)
                .ifPresent(qr -> state.put(RecordKind.QR_CODE, qr.id(), qr.paidBy("")));
    }

    private static PayResult check(SwitchState state, Optional<QrCode> found, long amountMinor) {
        if (found.isEmpty()) return PayResult.QR_CODE_NOT_FOUND;
        QrCode qr = found.get();
        if (held(state, qr)) return PayResult.QR_CODE_USED;
        if (!qr.dynamic() && amountMinor == 0) return PayResult.AMOUNT_MISSING;
        if (qr.dynamic() && amountMinor != 0 && amountMinor != qr.amountMinor()) return PayResult.AMOUNT_MISMATCH;
        return null;
    }

    /**
     * Whether a dynamic code is taken: by an intent that was paid or is still being paid. One whose card payment failed
     * (a crash between the two writer steps fails it at start-up, without a {@link #settle}) frees it.
     */
    private static boolean held(SwitchState state, QrCode qr) {
        if (!qr.used()) return false;
        return state.find(RecordKind.PAYMENT_INTENT, qr.paymentIntentId(), PaymentIntent.class)
                .map(pi -> pi.status() != PaymentIntentStatus.REQUIRES_PAYMENT_METHOD).orElse(true);
    }

    private static PaymentIntent createIntent(SwitchState state, QrCode qr, long amountMinor, String intentId,
            String clientSecret) {
        long amount = qr.dynamic() ? qr.amountMinor() : amountMinor;
        PaymentIntent spec = PaymentIntent.create(intentId, qr.ownerId(), amount, qr.currency(), CaptureMethod.AUTOMATIC,
                qr.reference(), Map.of("qr_code", qr.id()), clientSecret, null, state.now());
        var created = PaymentOperations.create(state, spec);
        Check.that(created.ok(), "a QR code's merchant accepts its currency: " + created.result());
        return spec;
    }
}
