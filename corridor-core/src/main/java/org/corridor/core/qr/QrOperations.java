package org.corridor.core.qr;

import java.util.Map;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/** Commands on QR codes, run on the writer thread: creating one, and a wallet paying one for its customer. */
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
        if (found.isEmpty()) return Outcome.refused(PayResult.QR_CODE_NOT_FOUND);
        QrCode qr = found.get();
        if (qr.used()) return Outcome.refused(PayResult.QR_CODE_USED);
        if (!qr.dynamic() && amountMinor == 0) return Outcome.refused(PayResult.AMOUNT_MISSING);
        if (qr.dynamic() && amountMinor != 0 && amountMinor != qr.amountMinor()) {
            return Outcome.refused(PayResult.AMOUNT_MISMATCH);
        }
        Optional<Customer> customer = state.find(RecordKind.CUSTOMER, customerId, Customer.class)
                .filter(c -> c.ownerId().equals(callerId));
        if (customer.isEmpty()) return Outcome.refused(PayResult.CUSTOMER_NOT_FOUND);
        if (customer.get().account(qr.currency()).isEmpty()) return Outcome.refused(PayResult.CURRENCY_NOT_SUPPORTED);
        long amount = qr.dynamic() ? qr.amountMinor() : amountMinor;
        PaymentIntent spec = PaymentIntent.create(intentId, qr.ownerId(), amount, qr.currency(), CaptureMethod.AUTOMATIC,
                qr.reference(), Map.of("qr_code", qr.id()), clientSecret, null, state.now());
        var created = PaymentOperations.create(state, spec);
        Check.that(created.ok(), "a QR code's merchant accepts its currency: " + created.result());
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
}
