package org.corridor.core.payment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.card.AuthorizationStatus;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.escrow.Escrows;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.money.Currencies;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.TopUp;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;

/**
 * The invariants between the switch's objects and the ledger, checked when the writer loads its state (with
 * {@link org.corridor.core.ledger.LedgerAudit}): Corridor refuses to run on state that breaks one.
 */
public final class PaymentAudit {
    private PaymentAudit() {}

    /** Every broken invariant, as a sentence; empty when all hold. */
    public static List<String> violations(SwitchState state) {
        List<String> violations = new ArrayList<>();
        Map<String, Long> refunded = new HashMap<>();
        for (Object value : state.all(RecordKind.REFUND)) {
            Refund refund = (Refund) value;
            refunded.merge(refund.paymentIntentId(), refund.amountMinor(), Math::addExact);
            if (state.ledger().transfer(refund.transferId()).isEmpty()) {
                violations.add("refund " + refund.id() + " has no ledger transfer " + refund.transferId());
            }
        }
        for (Object value : state.all(RecordKind.PAYMENT_INTENT)) {
            PaymentIntent intent = (PaymentIntent) value;
            String id = "payment intent " + intent.id();
            if (intent.amountRefunded() < 0 || intent.amountRefunded() > intent.amountReceived()
                    || intent.amountReceived() > intent.amountMinor()) {
                violations.add(id + " has refunded " + intent.amountRefunded() + " of " + intent.amountReceived()
                        + " received of " + intent.amountMinor());
            }
            if (refunded.getOrDefault(intent.id(), 0L) != intent.amountRefunded()) {
                violations.add(id + " shows " + intent.amountRefunded() + " refunded, its refunds add up to "
                        + refunded.getOrDefault(intent.id(), 0L));
            }
            if (intent.status() == PaymentIntentStatus.REQUIRES_CAPTURE) {
                Optional<PendingStatus> reservation = state.ledger().pendingStatus(intent.reservationId());
                if (reservation.isEmpty() || reservation.get() == PendingStatus.POSTED
                        || reservation.get() == PendingStatus.VOIDED) {
                    violations.add(id + " awaits capture but its reservation is " + reservation.orElse(null));
                }
            }
            if (intent.status() == PaymentIntentStatus.SUCCEEDED && intent.amountReceived() == 0) {
                violations.add(id + " succeeded without receiving anything");
            }
        }
        checkCardAuthorizations(state, violations);
        violations.addAll(Escrows.violations(state));
        for (Object value : state.all(RecordKind.PARTICIPANT)) {
            Participant participant = (Participant) value;
            checkAccounts(state, "participant " + participant.id(), participant.accounts(),
                    participant.role().accountCode(), 0, violations);
        }
        for (Object value : state.all(RecordKind.CUSTOMER)) {
            Customer customer = (Customer) value;
            checkAccounts(state, "customer " + customer.id(), customer.accounts(), Customer.BALANCE_ACCOUNT_CODE,
                    AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, violations);
        }
        return violations;
    }

    /**
     * A card intent waits ({@code processing}) only while one authorization of it is out; an approval stands only
     * while its intent holds the money (awaiting capture, or paid): an intent that ended otherwise must have queued
     * the approval's reversal.
     */
    private static void checkCardAuthorizations(SwitchState state, List<String> violations) {
        Map<String, Integer> outByIntent = new HashMap<>();
        for (Object value : state.all(RecordKind.CARD_AUTHORIZATION)) {
            CardAuthorization authorization = (CardAuthorization) value;
            if (authorization.paymentIntentId().startsWith(TopUp.ID_PREFIX)) {
                checkTopUpAuthorization(state, authorization, violations);
                continue;
            }
            Optional<PaymentIntent> intent = state.find(RecordKind.PAYMENT_INTENT, authorization.paymentIntentId(),
                    PaymentIntent.class);
            if (intent.isEmpty()) {
                violations.add("card authorization " + authorization.id() + " has no payment intent");
                continue;
            }
            if (authorization.status() == AuthorizationStatus.SENT) outByIntent.merge(intent.get().id(), 1, Integer::sum);
            boolean paidByIt = intent.get().paymentMethod() instanceof PaymentMethod.DeviceToken token
                    && token.authorizationId().equals(authorization.id());
            if (authorization.status() == AuthorizationStatus.APPROVED && !(paidByIt
                    && (intent.get().status() == PaymentIntentStatus.REQUIRES_CAPTURE
                            || intent.get().status() == PaymentIntentStatus.SUCCEEDED))) {
                violations.add("card authorization " + authorization.id() + " is approved but its intent is "
                        + intent.get().status() + " without it; its reversal was never queued");
            }
        }
        for (Object value : state.all(RecordKind.PAYMENT_INTENT)) {
            PaymentIntent intent = (PaymentIntent) value;
            int out = outByIntent.getOrDefault(intent.id(), 0);
            if ((intent.status() == PaymentIntentStatus.PROCESSING) != (out == 1) || out > 1) {
                violations.add("payment intent " + intent.id() + " is " + intent.status() + " with " + out
                        + " card authorizations out");
            }
        }
    }

    /** An approved top-up's authorization has its top-up booked; one declined or reversed has none. */
    private static void checkTopUpAuthorization(SwitchState state, CardAuthorization authorization,
            List<String> violations) {
        boolean booked = state.find(RecordKind.TOP_UP, authorization.paymentIntentId(), TopUp.class).isPresent();
        if (booked != (authorization.status() == AuthorizationStatus.APPROVED)) {
            violations.add("card authorization " + authorization.id() + " is " + authorization.status()
                    + (booked ? " but its top-up was booked" : " but its top-up was never booked"));
        }
    }

    private static void checkAccounts(SwitchState state, String owner, Map<String, Id128> accounts, int code,
            int flags, List<String> violations) {
        for (Map.Entry<String, Id128> entry : accounts.entrySet()) {
            Optional<Account> account = state.ledger().account(entry.getValue());
            if (account.isEmpty()) {
                violations.add(owner + " has no ledger account " + entry.getValue() + " for " + entry.getKey());
            } else if (account.get().ledger() != Currencies.ledger(entry.getKey()) || account.get().code() != code
                    || (account.get().flags() & flags) != flags) {
                violations.add(owner + "'s " + entry.getKey() + " account " + entry.getValue()
                        + " has the wrong ledger, code or flags");
            }
        }
    }
}
