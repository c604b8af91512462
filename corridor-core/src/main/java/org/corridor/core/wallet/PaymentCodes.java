package org.corridor.core.wallet;

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

/** Customer-presented payment codes, run on the writer thread: a wallet issues one, a merchant charges it once. */
public final class PaymentCodes {
    /** How long a code lives: a minute, as wallets refresh them on screen. */
    public static final long LIFETIME_NANOS = 60L * 1_000_000_000;

    /** In precedence order. */
    public enum IssueResult { OK, CUSTOMER_NOT_FOUND, CODE_TAKEN }

    /** In precedence order; {@link #DECLINED} is the payment's own decline (the balance is too low). */
    public enum ChargeResult {
        OK, NOT_A_MERCHANT, CODE_NOT_FOUND, CODE_USED, CODE_EXPIRED, CURRENCY_NOT_SUPPORTED, DECLINED
    }

    private PaymentCodes() {}

    /** Issues {@code code} for {@code ownerId}'s customer, living {@link #LIFETIME_NANOS} from now. */
    public static Outcome<IssueResult, PaymentCode> issue(SwitchState state, String ownerId, String id, String customerId,
            String code) {
        Optional<Customer> customer = state.find(RecordKind.CUSTOMER, customerId, Customer.class)
                .filter(c -> c.ownerId().equals(ownerId));
        if (customer.isEmpty()) return Outcome.refused(IssueResult.CUSTOMER_NOT_FOUND);
        if (state.findByKey(RecordKind.PAYMENT_CODE, code, PaymentCode.class).isPresent()) {
            return Outcome.refused(IssueResult.CODE_TAKEN);
        }
        PaymentCode issued = new PaymentCode(id, ownerId, customerId, code,
                Math.addExact(state.now(), LIFETIME_NANOS), "", state.now());
        state.put(RecordKind.PAYMENT_CODE, id, issued);
        return Outcome.of(IssueResult.OK, issued);
    }

    /**
     * The merchant {@code merchantId} charges {@code amountMinor} of {@code currency} to the customer behind
     * {@code code}: an intent of the merchant, confirmed by the code's wallet provider (the code is its consent) from
     * the customer's balance with the merchant fee. A code pays once.
     */
    public static Outcome<ChargeResult, PaymentIntent> charge(SwitchState state, String merchantId, String code,
            long amountMinor, String currency, String intentId, String clientSecret) {
        Optional<Participant> merchant = state.find(RecordKind.PARTICIPANT, merchantId, Participant.class);
        if (merchant.isEmpty() || !merchant.get().role().acceptsPayments()) {
            return Outcome.refused(ChargeResult.NOT_A_MERCHANT);
        }
        Optional<PaymentCode> found = state.findByKey(RecordKind.PAYMENT_CODE, code, PaymentCode.class);
        if (found.isEmpty()) return Outcome.refused(ChargeResult.CODE_NOT_FOUND);
        PaymentCode paymentCode = found.get();
        if (paymentCode.used()) return Outcome.refused(ChargeResult.CODE_USED);
        if (state.now() >= paymentCode.expiresAt()) return Outcome.refused(ChargeResult.CODE_EXPIRED);
        Customer customer = state.find(RecordKind.CUSTOMER, paymentCode.customerId(), Customer.class).orElseThrow();
        if (merchant.get().account(currency).isEmpty() || customer.account(currency).isEmpty()) {
            return Outcome.refused(ChargeResult.CURRENCY_NOT_SUPPORTED);
        }
        PaymentIntent spec = PaymentIntent.create(intentId, merchantId, amountMinor, currency, CaptureMethod.AUTOMATIC,
                "", Map.of("payment_code", paymentCode.id()), clientSecret, null, state.now());
        Check.that(PaymentOperations.create(state, spec).ok(), "a merchant in its currency creates an intent");
        var paid = PaymentOperations.confirm(state, paymentCode.ownerId(), intentId, clientSecret,
                new PaymentMethod.CustomerBalance(customer.id()));
        return switch (paid.result()) {
            case OK -> {
                state.put(RecordKind.PAYMENT_CODE, paymentCode.id(), paymentCode.usedBy(intentId));
                yield Outcome.of(ChargeResult.OK, paid.value());
            }
            case DECLINED -> Outcome.of(ChargeResult.DECLINED, paid.value());
            case PAYMENT_INTENT_NOT_FOUND, PAYMENT_INTENT_UNEXPECTED_STATE, PAYMENT_METHOD_MISSING, CUSTOMER_NOT_FOUND,
                    CURRENCY_NOT_SUPPORTED, QUOTE_NOT_FOUND, QUOTE_MISMATCH, QUOTE_USED, QUOTE_EXPIRED, FX_UNAVAILABLE ->
                    throw new IllegalStateException("a checked charge confirms: " + paid.result());
        };
    }
}
